import { expect, test } from '../fixtures/auth';
import { grid, header } from '../fixtures/tables';

// A column hidden and a column widened stay so after a reload: the layout is the
// person's own (TablePreference). The admin's inventory layout is this spec's alone;
// it puts the defaults back when done.

test('a hidden column and a resized column are remembered for the person', async ({ signIn }) => {
  const page = await signIn('admin');
  await page.request.put('/api/table-preferences/inventory', { data: {} });
  await page.goto('/inventory');
  const g = grid(page, 'Inventory balances');
  await expect(header(g, 'Unit')).toBeVisible();

  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Unit' }).uncheck();
  await expect(header(g, 'Unit')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Columns' })).toBeHidden();

  const name = header(g, 'Name');
  const before = (await name.boundingBox())!.width;
  const handle = name.locator('[data-resize]');
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await name.boundingBox())!.width).toBeGreaterThan(before + 80);
  const widened = (await name.boundingBox())!.width;

  // Saved a moment after the last change: wait for the server to have it, then reload.
  await expect.poll(async () => ((await (await page.request.get('/api/table-preferences/inventory')).json()) as { settings: { columnVisibility: Record<string, boolean> } | null }).settings?.columnVisibility.unit).toBe(false);
  await expect.poll(async () => ((await (await page.request.get('/api/table-preferences/inventory')).json()) as { settings: { columnSizing: Record<string, number> } }).settings.columnSizing.name ?? 0).toBeGreaterThan(before + 80);
  await page.reload();
  await expect(header(g, 'Name')).toBeVisible();
  await expect(header(g, 'Unit')).toHaveCount(0);
  expect(Math.round((await header(g, 'Name').boundingBox())!.width)).toBe(Math.round(widened));

  // Another person's layout is untouched.
  const other = await signIn('procurement');
  await other.goto('/inventory');
  await expect(header(grid(other, 'Inventory balances'), 'Unit')).toBeVisible();
  await other.request.put('/api/table-preferences/inventory', { data: {} });
});
