import { describe, expect, it } from 'vitest';
import { formatRatio, ratioOf, times } from './ratio';
import { buildCapacityTrees, parentKey, visibleNodes, walk, type BomItem, type BomRecipe, type TreeNode } from './tree';

const item = (sku: string, gpusOnlinePerUnit = 0): BomItem => ({ sku, name: `${sku} name`, unit: 'ea', gpusOnlinePerUnit });
let nextId = 1;
const recipe = (outputSku: string, outputQty: string, leadTimeDays: number, lines: [string, string][], maxStartsPerWeek: number | null = null): BomRecipe => ({
  id: nextId++,
  version: 1,
  outputSku,
  outputQty,
  leadTimeDays,
  maxStartsPerWeek,
  lines: lines.map(([componentSku, qtyPerBuild]) => ({ id: nextId++, version: 1, componentSku, qtyPerBuild })),
});

const find = (root: TreeNode, path: string): TreeNode => {
  const n = walk(root).find((x) => x.key === path);
  if (!n) throw new Error(`no node ${path}`);
  return n;
};

// The demo's shape, cut down: a node online is a DGX, a quarter of a ready rack (four nodes share
// one) and a rail kit; a zone of concrete makes 24 rack positions; power comes in lots of 500 kW.
const ITEMS = ['NODE', 'DGX', 'GPU', 'TRAY', 'RACK-READY', 'RACKPOS', 'ZONE', 'CONCRETE', 'POWER-KW', 'BUSWAY', 'RAIL'].map((s) => item(s, s === 'NODE' ? 8 : 0));
const RECIPES = [
  recipe('NODE', '1', 3, [['DGX', '1'], ['RACK-READY', '0.25'], ['RAIL', '1']], 80),
  recipe('DGX', '1', 14, [['GPU', '8'], ['TRAY', '1']], 150),
  recipe('RACK-READY', '1', 5, [['RACKPOS', '1'], ['POWER-KW', '28']], 24),
  recipe('RACKPOS', '24', 28, [['ZONE', '1'], ['CONCRETE', '38.5']], 2),
  recipe('POWER-KW', '500', 10, [['BUSWAY', '32.5']]),
];

describe('capacity trees: quantity per capacity unit', () => {
  const [tree] = buildCapacityTrees(ITEMS, RECIPES);
  const root = tree!.root;

  it('makes one tree per capacity item, rooted at one unit of it', () => {
    expect(buildCapacityTrees(ITEMS, RECIPES).map((t) => [t.root.sku, t.gpusOnlinePerUnit])).toEqual([['NODE', 8]]);
    expect(root.perCapacityUnit).toEqual({ text: '1', exact: true, fraction: '1' });
    expect(root.line).toBeNull();
  });

  it('multiplies down the tree: 1 NODE = 1 DGX and 1 DGX = 8 GPU give 8 GPUs per node', () => {
    expect(find(root, 'NODE > DGX').perCapacityUnit.text).toBe('1');
    expect(find(root, 'NODE > DGX > GPU').perCapacityUnit).toEqual({ text: '8', exact: true, fraction: '8' });
  });

  it('carries fractional lots exactly: a quarter rack per node, 28 kW per rack is 7 kW per node', () => {
    expect(find(root, 'NODE > RACK-READY').perCapacityUnit).toEqual({ text: '0.25', exact: true, fraction: '1/4' });
    expect(find(root, 'NODE > RACK-READY > POWER-KW').perCapacityUnit.text).toBe('7');
    // 7 kW of a 500 kW lot built from 32.5 m of busway: 0.455 m, exactly (floats give 0.45499999…).
    expect(find(root, 'NODE > RACK-READY > POWER-KW > BUSWAY').perCapacityUnit).toEqual({ text: '0.455', exact: true, fraction: '91/200' });
  });

  it('divides by the output per build, and says when the decimal is rounded: a zone makes 24 positions, a node takes a quarter of one', () => {
    expect(find(root, 'NODE > RACK-READY > RACKPOS').perCapacityUnit.text).toBe('0.25');
    expect(find(root, 'NODE > RACK-READY > RACKPOS > ZONE').perCapacityUnit).toEqual({ text: '0.010417', exact: false, fraction: '1/96' });
    // 0.25 × 38.5 / 24 = 77/192 m³ of concrete per node.
    expect(find(root, 'NODE > RACK-READY > RACKPOS > CONCRETE').perCapacityUnit).toEqual({ text: '0.401042', exact: false, fraction: '77/192' });
  });

  it('gives each node its recipe line, its own recipe (lead time, weekly limit) or none for a purchased part', () => {
    const dgx = find(root, 'NODE > DGX');
    expect(dgx.line).toMatchObject({ outputSku: 'NODE', componentSku: 'DGX', qtyPerBuild: '1' });
    expect(dgx.recipe).toMatchObject({ leadTimeDays: 14, maxStartsPerWeek: 150, outputQty: '1' });
    const gpu = find(root, 'NODE > DGX > GPU');
    expect(gpu.recipe).toBeNull();
    expect(gpu.children).toEqual([]);
    expect(find(root, 'NODE > RACK-READY > POWER-KW').recipe?.maxStartsPerWeek).toBeNull();
  });

  it('sums lead times up to the capacity item: a GPU arrives 14 + 3 days before its node is online', () => {
    expect(root.cumulativeLeadTimeDays).toBe(3);
    expect(find(root, 'NODE > DGX').cumulativeLeadTimeDays).toBe(17);
    expect(find(root, 'NODE > DGX > GPU').cumulativeLeadTimeDays).toBe(17);
    expect(find(root, 'NODE > RACK-READY > RACKPOS > CONCRETE').cumulativeLeadTimeDays).toBe(3 + 5 + 28);
    expect(find(root, 'NODE > RACK-READY > POWER-KW > BUSWAY').cumulativeLeadTimeDays).toBe(3 + 5 + 10);
  });

  it('lists components in SKU order and numbers depths from the root', () => {
    expect(root.children.map((c) => c.sku)).toEqual(['DGX', 'RACK-READY', 'RAIL']);
    expect(find(root, 'NODE > RACK-READY > RACKPOS > ZONE').depth).toBe(3);
  });

  it('stops at a loop instead of recursing forever, and marks the node', () => {
    const looped = buildCapacityTrees([item('CAP', 4), item('A'), item('B')], [recipe('CAP', '1', 1, [['A', '2']]), recipe('A', '1', 1, [['B', '1']]), recipe('B', '1', 1, [['A', '3']])]);
    const a = find(looped[0]!.root, 'CAP > A > B > A');
    expect(a.cycle).toBe(true);
    expect(a.children).toEqual([]);
    expect(a.perCapacityUnit.text).toBe('6');
  });

  it('shows the nodes under expanded ones only, and names each parent', () => {
    expect(visibleNodes([root], new Set()).map((n) => n.sku)).toEqual(['NODE']);
    expect(visibleNodes([root], new Set(['NODE', 'NODE > DGX'])).map((n) => n.sku)).toEqual(['NODE', 'DGX', 'GPU', 'TRAY', 'RACK-READY', 'RAIL']);
    expect(parentKey('NODE > DGX > GPU')).toBe('NODE > DGX');
    expect(parentKey('NODE')).toBeNull();
  });
});

describe('exact ratios', () => {
  it('multiplies decimals without binary rounding', () => {
    expect(formatRatio(times(ratioOf('0.1'), ratioOf('3'))).text).toBe('0.3');
    expect(formatRatio(times(ratioOf('1.000001'), ratioOf('999999.999999'))).text).toBe('1000000.999998999999');
  });
  it('refuses what is not a plain decimal', () => {
    expect(() => ratioOf('1e3')).toThrow(RangeError);
    expect(() => ratioOf('-1')).toThrow(RangeError);
  });
});
