import { expect, test } from '../fixtures/auth';

test('the dashboard shows the GPU ramp against the target, what gates it and what to expedite', async ({ signIn }) => {
  test.setTimeout(120_000);
  const page = await signIn('executive');
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // After another spec's change the forecast may still be computing: the page says so, then shows it.
  const cards = page.getByRole('region', { name: 'Headline figures' });
  await expect(cards.getByText(/GPUs online by \d{4}-\d{2}-\d{2}/)).toBeVisible({ timeout: 90_000 });
  await expect(page.getByLabel('Computed from')).toContainText(/From the data as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: .+ by .+\. Computed \d{4}-\d{2}-\d{2}/);
  await expect(cards.getByText('GPU-days')).toBeVisible();

  // The chart is a client component: wait for Recharts to draw the area and the target dots.
  const chart = page.getByRole('figure', { name: 'GPUs online over time against the target' });
  await expect(chart.locator('.recharts-area-area')).toBeVisible();
  await expect(chart.locator('.recharts-line-dots circle').first()).toBeVisible();

  const gates = page.getByRole('table', { name: 'Gates, by GPUs held back' });
  await expect(gates.getByRole('row').nth(1)).toBeVisible();
  await expect(gates.getByText('PO line').first()).toBeVisible();

  const targets = page.getByRole('table', { name: 'Targets against the forecast' });
  expect(await targets.getByRole('row').count()).toBeGreaterThan(10);
  await expect(targets.getByText(/^missed/).first()).toBeVisible();

  const expedite = page.getByRole('table', { name: 'The expedite plan per missed target' });
  await expect(expedite.getByRole('row').nth(1)).toBeVisible();
  // Each purchase says what to do: an open PO line to pull in (promised → needed), or a new order.
  await expect(expedite.getByText(/^(pull in .+ promised \d{4}-\d\d-\d\d → needed \d{4}-\d\d-\d\d|new order: .+)$/).first()).toBeVisible();
});
