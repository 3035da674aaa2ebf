import { expect, test } from '@playwright/test';

test('the signed-out landing page says what ClearBuild is and leads to sign-in for the workspace', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How many GPUs can actually come online, and when?');
  await expect(page.getByText('computes the ramp, the bottleneck behind it')).toBeVisible();
  await page.getByRole('link', { name: 'Open the workspace' }).click();
  // Signed out, the workspace asks who you are first.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
