import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { seedCapacityTree } from '../fixtures/catalog-seed';

// Procurement edits a recipe's lead time and a node's quantity per build in the tree: one
// change set, previewed (the diff) and committed, then seen in GET /api/bom-lines and in the
// tree's own figures. The spec's own capacity item (nothing of it is ever built).

interface BomLine {
  componentSku: string;
  qtyPerBuild: string;
  leadTimeDays: number;
}

test('a lead time and a quantity per build edited in the tree, previewed and saved, show in the BOM-lines API', async ({ signIn }) => {
  test.setTimeout(180_000);
  const page = await signIn('procurement');
  const api = await apiClient('procurement');
  const { capacity, assembly, part } = await seedCapacityTree(api, 'tree-edit');

  await page.goto('/bom');
  const tree = page.getByRole('tree', { name: 'Bill of materials by capacity item' });
  const root = tree.getByRole('treeitem', { name: new RegExp(`^${capacity} — `) });
  // A quarter of an assembly per capacity unit (4 per build from 1), 8 parts per assembly: 2 parts per unit.
  const asm = root.getByRole('treeitem', { name: new RegExp(`^${assembly} — 0\\.25 ea per ${capacity}; built in 14 days, at most 10 a week; 17 days to online$`) });
  await asm.click();
  await expect(asm).toHaveAttribute('aria-expanded', 'true');
  await expect(asm.getByRole('treeitem', { name: new RegExp(`^${part} — 2 ea per ${capacity}; purchased; 17 days to online$`) })).toBeVisible();

  const editor = page.getByRole('form', { name: `Edit ${assembly}` });
  await editor.getByRole('textbox', { name: `Quantity per build of ${capacity}` }).fill('2');
  await editor.getByRole('textbox', { name: 'Lead time (days)' }).fill('21');
  await editor.getByRole('button', { name: 'Preview change' }).click();

  const dialog = page.getByRole('dialog', { name: 'Review 2 changes' });
  // The dry run forecasts the change (the quick tier, on a shared machine: give it time).
  await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeEnabled({ timeout: 60_000 });
  const diff = dialog.getByRole('table', { name: 'Changes' });
  await expect(diff.getByRole('row', { name: `${assembly} lead time days 14 21` })).toBeVisible();
  await expect(diff.getByRole('row', { name: `${capacity} ← ${assembly} qty per build 1 2` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 2 rows changed' })).toBeVisible({ timeout: 60_000 });

  const lines = async (outputSku: string) => ((await (await api.get(`/api/bom-lines?${new URLSearchParams({ outputSku })}`)).json()) as { rows: BomLine[] }).rows;
  expect((await lines(assembly)).map((l) => [l.componentSku, l.leadTimeDays])).toEqual([[part, 21]]);
  expect((await lines(capacity)).map((l) => [l.componentSku, l.qtyPerBuild])).toEqual([[assembly, '2']]);
  // The tree reloads: half an assembly per unit now, 4 parts, and 21 + 3 days to online.
  await expect(root.getByRole('treeitem', { name: new RegExp(`^${assembly} — 0\\.5 ea per ${capacity}; built in 21 days, at most 10 a week; 24 days to online$`) })).toBeVisible();
  await expect(root.getByRole('treeitem', { name: new RegExp(`^${part} — 4 ea per ${capacity}`) })).toBeVisible();

  // Ctrl+Z in the tree undoes the person's change set, as in the tables.
  await root.getByRole('treeitem', { name: new RegExp(`^${assembly} — `) }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: /^Undone: change set \d+ \(2 rows\)/ })).toBeVisible({ timeout: 60_000 });
  expect((await lines(assembly)).map((l) => [l.componentSku, l.leadTimeDays])).toEqual([[part, 14]]);
  expect((await lines(capacity)).map((l) => [l.componentSku, l.qtyPerBuild])).toEqual([[assembly, '1']]);
  await expect(root.getByRole('treeitem', { name: new RegExp(`^${assembly} — 0\\.25 ea per ${capacity}; built in 14 days`) })).toBeVisible();
  await api.dispose();
});

test('executives see the tree without the edit form', async ({ signIn }) => {
  const page = await signIn('executive');
  await page.goto('/bom');
  await expect(page.getByRole('tree', { name: 'Bill of materials by capacity item' })).toBeVisible();
  await expect(page.getByRole('region').first()).toBeVisible();
  await expect(page.getByRole('form')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Preview change' })).toHaveCount(0);
});
