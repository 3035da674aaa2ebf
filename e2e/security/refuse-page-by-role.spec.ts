import { can, PAGES, type PagePath } from '../../lib/auth/permissions';
import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';

// A signed-in person whose role lacks a page gets HTTP 403 with the forbidden
// page (decided in the workspace layout, before the page streams); signed out,
// every workspace page sends them to sign in and back.

test('an executive opening an admin page gets HTTP 403 and the forbidden page', async ({ signIn }) => {
  const page = await signIn('executive');
  const res = await page.goto('/admin/users');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(page.getByText('This page could not be accessed.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: 'admin@clearbuild.demo' })).toHaveCount(0);
});

test('every workspace page answers each role 200 or 403 as the permission table says', async () => {
  for (const role of ['admin', 'procurement', 'executive'] as const) {
    const client = await apiClient(role);
    for (const path of Object.keys(PAGES) as PagePath[]) {
      for (const url of [path, `${path}?page=2`]) {
        const res = await client.get(url, { maxRedirects: 0 });
        expect(res.status(), `${role} ${url}`).toBe(can(role, PAGES[path]) ? 200 : 403);
      }
    }
    await client.dispose();
  }
});

test('signed out, a workspace page redirects to sign-in and back', async ({ page }) => {
  const anon = await apiClient('signed-out');
  for (const path of Object.keys(PAGES)) {
    const res = await anon.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  await anon.dispose();
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
