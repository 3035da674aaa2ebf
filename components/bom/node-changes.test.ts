import { describe, expect, it } from 'vitest';
import { buildCapacityTrees, walk, type BomRecipe } from '@/lib/bom/tree';
import { buildNodeChanges, nodeEditOf } from './node-changes';

const recipes: BomRecipe[] = [
  { id: 1, version: 3, outputSku: 'NODE', outputQty: '1', leadTimeDays: 3, maxStartsPerWeek: 80, lines: [{ id: 11, version: 2, componentSku: 'DGX', qtyPerBuild: '1' }] },
  { id: 2, version: 5, outputSku: 'DGX', outputQty: '1', leadTimeDays: 14, maxStartsPerWeek: null, lines: [{ id: 21, version: 7, componentSku: 'GPU', qtyPerBuild: '8' }] },
];
const items = ['NODE', 'DGX', 'GPU'].map((sku) => ({ sku, name: sku, unit: 'ea', gpusOnlinePerUnit: sku === 'NODE' ? 8 : 0 }));
const nodes = walk(buildCapacityTrees(items, recipes)[0]!.root);
const dgx = nodes.find((n) => n.sku === 'DGX')!;
const gpu = nodes.find((n) => n.sku === 'GPU')!;

describe('a BOM tree edit as a change set', () => {
  it('sends nothing when the values are the stored ones, however they are written', () => {
    expect(buildNodeChanges(dgx, nodeEditOf(dgx))).toEqual([]);
    expect(buildNodeChanges(dgx, { qtyPerBuild: '1.000', leadTimeDays: '014', maxStartsPerWeek: ' ' })).toEqual([]);
  });

  it("writes the node's recipe line and its recipe, each at the version read", () => {
    expect(buildNodeChanges(dgx, { qtyPerBuild: '2', leadTimeDays: '21', maxStartsPerWeek: '40' })).toEqual([
      { entity: 'recipeLine', id: 11, version: 2, set: { qtyPerBuild: '2' } },
      { entity: 'recipe', id: 2, version: 5, set: { leadTimeDays: 21, maxStartsPerWeek: 40 } },
    ]);
  });

  it('clears a weekly limit with a blank, and a purchased part has only its quantity per build', () => {
    const node = nodes.find((n) => n.sku === 'NODE')!;
    expect(buildNodeChanges(node, { ...nodeEditOf(node), maxStartsPerWeek: '' })).toEqual([{ entity: 'recipe', id: 1, version: 3, set: { maxStartsPerWeek: null } }]);
    expect(buildNodeChanges(gpu, { qtyPerBuild: '7.5', leadTimeDays: '', maxStartsPerWeek: '' })).toEqual([{ entity: 'recipeLine', id: 21, version: 7, set: { qtyPerBuild: '7.5' } }]);
  });

  it('passes a mistyped value on as typed, so the server names the field', () => {
    expect(buildNodeChanges(dgx, { ...nodeEditOf(dgx), leadTimeDays: 'two weeks' })).toEqual([{ entity: 'recipe', id: 2, version: 5, set: { leadTimeDays: 'two weeks' } }]);
  });
});
