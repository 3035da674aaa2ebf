import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/auth';
import { openDashboard } from '../fixtures/dashboard';

/** Presses Tab until `target` has the focus (never clicks): it is reachable with the keyboard alone. */
async function tabTo(page: Page, target: Locator, most = 400): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reached with ${most} presses of Tab`);
}

test('the chart’s table, the what-if builder and a gate’s drill-down are reached and opened with the keyboard alone', async ({ signIn }) => {
  test.setTimeout(150_000);
  const page = await signIn('executive');
  await openDashboard(page);
  await page.locator('body').focus();

  // The chart's table alternative.
  await tabTo(page, page.getByText('The chart as a table (weekly)'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'GPUs online per week against the target' })).toBeVisible();

  // The what-if builder: its first control, then a change added with Enter.
  const builder = page.getByRole('form', { name: 'Add a change to the what-if' });
  await tabTo(page, builder.getByLabel('Change'));
  await tabTo(page, builder.getByRole('button', { name: 'Add change' }), 20);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Changes in this what-if' }).getByRole('listitem')).toHaveCount(1);

  // A gate, opened down to what is behind it.
  const gate = page.getByRole('list', { name: 'Gates per month' }).locator('summary').first();
  await tabTo(page, gate);
  await page.keyboard.press('Enter');
  await expect(gate.locator('xpath=..').getByRole('link', { name: /in the procurement table$/ })).toBeVisible();
});
