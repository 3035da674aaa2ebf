import { expect, test } from '../fixtures/auth';
import { engineForecast, openDashboard } from '../fixtures/dashboard';

test('an expedite plan is applied as a what-if in one click and drawn beside the plan, moving GPUs earlier', async ({ signIn }) => {
  test.setTimeout(420_000);
  const page = await signIn('executive');
  await openDashboard(page);
  const base = await engineForecast(page.request);
  const first = base.shortages.find((s) => s.lines.some((l) => l.pullIn.length > 0 || l.newOrderQuantity));
  expect(first, 'the demo misses a target it can buy its way to').toBeDefined();
  await page.getByRole('link', { name: `Apply the plan for ${first!.targetDate} as a what-if` }).click();
  await expect(page).toHaveURL(/adjustments=/);
  const adjustments = JSON.parse(new URL(page.url()).searchParams.get('adjustments')!) as { kind: string; days?: number }[];
  // Pull-ins become delayLine with negative days, new orders addLine.
  expect(adjustments.length).toBeGreaterThan(0);
  for (const a of adjustments) {
    expect(['delayLine', 'addLine']).toContain(a.kind);
    if (a.kind === 'delayLine') expect(a.days).toBeLessThan(0);
  }
  await expect(page.getByText(/What-if “draft \(not saved\)” drawn/)).toBeVisible({ timeout: 150_000 });
  const row = page.getByRole('table', { name: 'What the what-if changes against the plan' }).getByRole('row', { name: new RegExp(`^GPUs on ${first!.targetDate}`) });
  // Expediting never brings fewer GPUs by the target date than the plan.
  const [plan, whatIf] = (await row.getByRole('cell').allTextContents()).map((t) => Number(t.replace(/\(.*\)/, '').replace(/[^\d]/g, '')));
  expect(whatIf!).toBeGreaterThanOrEqual(plan!);
});
