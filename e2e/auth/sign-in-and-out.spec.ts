import { DEMO_EMAILS, DEMO_PASSWORD, expect, test } from '../fixtures/auth';

test('a person signs in through the form, lands where they were going, and signs out', async ({ page }) => {
  await page.goto('/purchase-orders');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpurchase-orders$/);

  await page.getByLabel('Email').fill(DEMO_EMAILS.procurement);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong email or password.')).toBeVisible();

  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Purchase orders' })).toBeVisible();
  await expect(page.getByLabel('Signed in')).toContainText(`${DEMO_EMAILS.procurement} · Procurement`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('sign-ins, failed ones included, appear in the audit log for admins', async ({ signIn, baseURL }) => {
  const page = await signIn('admin');
  const failed = await page.request.post('/api/auth/sign-in/email', {
    data: { email: DEMO_EMAILS.procurement, password: 'wrong-password' },
    headers: { origin: baseURL! },
  });
  expect(failed.status()).toBe(401);
  await page.goto(`/admin/audit?entity=Session&actor=${encodeURIComponent(DEMO_EMAILS.admin)}`);
  await expect(page.getByRole('table').getByRole('cell', { name: 'sign-in', exact: true }).first()).toBeVisible();
  await page.goto(`/admin/audit?entity=Session&action=sign-in-failed`);
  await expect(page.getByRole('table').getByRole('cell', { name: DEMO_EMAILS.procurement }).first()).toBeVisible();
});

test('repeated wrong passwords for one email are rate limited, and the refusals audited', async ({ request, baseURL }) => {
  const email = `nobody-${Date.now()}@clearbuild.test`;
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const res = await request.post('/api/auth/sign-in/email', { data: { email, password: 'wrong-password' }, headers: { origin: baseURL! } });
    statuses.push(res.status());
  }
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(10)).toEqual([429, 429]);
});
