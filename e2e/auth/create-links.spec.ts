import { expect, test } from '../fixtures/auth';

// The links to the create forms show only to roles that may edit data (lib/auth/permissions.ts,
// edit:data); the forms' pages refuse the others on the server anyway.

const PAGES = [
  { path: '/purchase-orders', link: 'New purchase order', form: '/purchase-orders/new' },
  { path: '/items', link: 'New item', form: '/items/new' },
  { path: '/suppliers', link: 'New supplier', form: '/suppliers/new' },
];

test('procurement sees each table’s create link, and it opens the form', async ({ signIn }) => {
  const page = await signIn('procurement');
  for (const p of PAGES) {
    await page.goto(p.path);
    const link = page.getByRole('main').getByRole('link', { name: p.link, exact: true });
    await expect(link).toHaveAttribute('href', p.form);
  }
  await page.getByRole('main').getByRole('link', { name: 'New supplier', exact: true }).click();
  await expect(page).toHaveURL(/\/suppliers\/new$/);
  await expect(page.getByRole('form', { name: 'New supplier' })).toBeVisible();
});

test('an executive sees no create link on the tables, and the forms are refused', async ({ signIn }) => {
  const page = await signIn('executive');
  for (const p of PAGES) {
    await page.goto(p.path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: p.link, exact: true })).toHaveCount(0);
    const refused = await page.goto(p.form);
    expect(refused?.status()).toBe(403);
  }
});
