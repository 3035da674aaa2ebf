import { expect, test } from '../fixtures/auth';

test('an executive sees no administration and is refused it on the server', async ({ signIn }) => {
  const page = await signIn('executive');
  await page.goto('/purchase-orders');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Purchase orders' })).toBeVisible();
  for (const name of ['Users', 'API tokens', 'Audit log']) await expect(nav.getByRole('link', { name })).toHaveCount(0);
  // Refused with HTTP 403, inside the workspace's own frame: the navigation stays.
  const refused = await page.goto('/admin/users');
  expect(refused?.status()).toBe(403);
  await expect(page.getByText('This page could not be accessed.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('executive@clearbuild.demo')).toBeVisible();
});

test('an executive has no edit control on purchase-order lines and the server refuses the edit', async ({ signIn }) => {
  const page = await signIn('executive');
  await page.goto('/purchase-orders');
  await expect(page.getByRole('grid', { name: 'Purchase-order lines' })).toHaveAttribute('aria-readonly', 'true');
  const denied = await page.request.patch('/api/purchase-order-lines/1', { data: { version: 1, promisedDate: '2030-01-01' } });
  expect(denied.status()).toBe(403);
});

test('an admin sees users, tokens and the audit log', async ({ signIn }) => {
  const page = await signIn('admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'executive@clearbuild.demo' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Users', 'API tokens', 'Audit log']) await expect(nav.getByRole('link', { name })).toBeVisible();
});

test('an admin changes a role and the change is audited', async ({ signIn }) => {
  const page = await signIn('admin');
  await page.goto('/admin/users');
  const email = `role-change-${Date.now()}@clearbuild.test`;
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Name').fill('Role Change');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill('a-long-password-1');
  await form.getByLabel('Role').selectOption('executive');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText(`Created ${email} (executive).`)).toBeVisible();
  await page.getByLabel(`Role of ${email}`).selectOption('procurement');
  await page.getByRole('row', { name: new RegExp(email) }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Role changed to procurement')).toBeVisible();
  await page.goto(`/admin/audit?action=role-change&entityId=${encodeURIComponent(email)}`);
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
});
