import Decimal from 'decimal.js';
import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { grid } from '../fixtures/tables';

// The demo's GPUs-per-node path in the tree, checked against the BOM lines the API lists
// (quantity per build ÷ output per build, multiplied down), never numbers written here.

interface BomLine {
  outputSku: string;
  componentSku: string;
  qtyPerBuild: string;
  outputQty: string;
  leadTimeDays: number;
}

async function bomLine(outputSku: string, componentSku: string): Promise<BomLine> {
  const api = await apiClient('executive');
  const res = await api.get(`/api/bom-lines?${new URLSearchParams({ outputSku, componentSku })}`);
  expect(res.status()).toBe(200);
  const { rows } = (await res.json()) as { rows: BomLine[] };
  await api.dispose();
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const perUnit = (line: BomLine) => new Decimal(line.qtyPerBuild).div(line.outputQty);

test("the tree shows GPUs per node down the demo's DGX path, with the API's quantities and lead times, by keyboard", async ({ signIn }) => {
  const page = await signIn('executive');
  const [nodeDgx, dgxGpu, nodeRack] = await Promise.all([
    bomLine('NODE-ONLINE-PHX1', 'DGX-A100'),
    bomLine('DGX-A100', 'A100-SXM4-80G'),
    bomLine('NODE-ONLINE-PHX1', 'RACK-READY-PHX1'),
  ]);
  const gpusPerNode = perUnit(nodeDgx).times(perUnit(dgxGpu)).toFixed();
  const racksPerNode = perUnit(nodeRack).toFixed();
  const toOnline = nodeDgx.leadTimeDays + dgxGpu.leadTimeDays;

  await page.goto('/bom');
  await expect(page.getByRole('heading', { level: 1, name: 'Bill of materials' })).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Bill of materials by capacity item' });
  const root = tree.getByRole('treeitem', { name: /^NODE-ONLINE-PHX1 — / });
  await expect(root).toHaveAttribute('aria-expanded', 'true');
  await expect(root).toHaveAttribute('aria-level', '1');
  await expect(root.getByRole('treeitem', { name: new RegExp(`^RACK-READY-PHX1 — ${racksPerNode.replace('.', '\\.')} \\S+ per NODE-ONLINE-PHX1`) })).toBeVisible();

  // Keyboard: into the first component (DGX-A100, components in SKU order), open it, step into its GPUs.
  await root.focus();
  await page.keyboard.press('ArrowDown');
  const dgx = root.getByRole('treeitem', { name: /^DGX-A100 — / });
  await expect(dgx).toBeFocused();
  await expect(dgx).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(dgx).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  const gpu = dgx.getByRole('treeitem', { name: /^A100-SXM4-80G — / });
  await expect(gpu).toBeFocused();
  await expect(gpu).toHaveAttribute('aria-level', '3');
  await expect(gpu).toHaveAccessibleName(new RegExp(`^A100-SXM4-80G — ${gpusPerNode} \\S+ per NODE-ONLINE-PHX1; purchased; ${toOnline} days to online$`));
  // The focused node's figures beside the tree.
  const panel = page.getByRole('region', { name: 'A100-SXM4-80G' });
  await expect(panel.getByText('nothing: a purchased part')).toBeVisible();
  // Left steps back out to DGX-A100, Left again closes it.
  await page.keyboard.press('ArrowLeft');
  await expect(dgx).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(dgx).toHaveAttribute('aria-expanded', 'false');
  await expect(gpu).toHaveCount(0);
});

test('the flat BOM-lines grid stays one tab away', async ({ signIn }) => {
  const page = await signIn('executive');
  await page.goto('/bom');
  await page.getByRole('navigation', { name: 'Bill of materials views' }).getByRole('link', { name: 'Lines' }).click();
  await expect(page).toHaveURL('/bom/lines');
  await expect(grid(page, 'BOM lines').getByRole('gridcell', { name: 'DGX-A100', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bill of materials' })).toHaveAttribute('aria-current', 'page');
});
