import { expect, test } from '../fixtures/auth';
import { dataRows, grid } from '../fixtures/tables';

// A named view (filters, sort, search) saved on the Items page and opened again later.

test('a saved view brings its filters and sort back, and is deleted again', async ({ signIn }) => {
  const page = await signIn('procurement');
  const name = `GPUs ${Date.now().toString(36)}`;
  await page.goto('/items?category=gpu&sort=sku:desc');
  const g = grid(page, 'Items');
  const gpuRows = await dataRows(g).count();
  expect(gpuRows).toBeGreaterThan(0);

  await page.getByText('Views', { exact: true }).click();
  const views = page.getByRole('group', { name: 'Saved views' });
  await views.getByLabel('View name').fill(name);
  await views.getByRole('button', { name: 'Save this view' }).click();
  await expect(views.getByRole('status')).toHaveText(`Saved view “${name}”.`);

  await page.goto('/items');
  await expect.poll(() => dataRows(g).count()).toBeGreaterThan(gpuRows);
  await page.getByText('Views', { exact: true }).click();
  await views.getByRole('button', { name, exact: true }).click();
  await expect(page).toHaveURL(/category=gpu&sort=sku%3Adesc/);
  await expect(dataRows(g)).toHaveCount(gpuRows);
  await expect(g.getByRole('columnheader', { name: 'SKU', exact: true })).toHaveAttribute('aria-sort', 'descending');

  await views.getByRole('button', { name: `Delete view ${name}` }).click();
  await expect(views.getByRole('button', { name, exact: true })).toHaveCount(0);
  const listed = (await (await page.request.get('/api/saved-views?table=items')).json()) as { views: { name: string }[] };
  expect(listed.views.map((v) => v.name)).not.toContain(name);
});
