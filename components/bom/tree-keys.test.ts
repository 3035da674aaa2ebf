import { describe, expect, it } from 'vitest';
import { buildCapacityTrees, visibleNodes, type BomRecipe } from '@/lib/bom/tree';
import { treeKeyMove } from './tree-keys';

const recipe = (id: number, outputSku: string, lines: string[]): BomRecipe => ({
  id,
  version: 1,
  outputSku,
  outputQty: '1',
  leadTimeDays: 1,
  maxStartsPerWeek: null,
  lines: lines.map((componentSku, i) => ({ id: id * 10 + i, version: 1, componentSku, qtyPerBuild: '1' })),
});
const items = ['CAP', 'A', 'A1', 'B'].map((sku) => ({ sku, name: sku, unit: 'ea', gpusOnlinePerUnit: sku === 'CAP' ? 8 : 0 }));
const roots = buildCapacityTrees(items, [recipe(1, 'CAP', ['A', 'B']), recipe(2, 'A', ['A1'])]).map((t) => t.root);

describe('the BOM tree keyboard', () => {
  const open = new Set(['CAP']);
  const shown = visibleNodes(roots, open);

  it('moves down and up through the nodes shown, and jumps with Home and End', () => {
    expect(treeKeyMove('ArrowDown', shown, open, 'CAP')).toEqual({ focus: 'CAP > A' });
    expect(treeKeyMove('ArrowDown', shown, open, 'CAP > A')).toEqual({ focus: 'CAP > B' });
    expect(treeKeyMove('ArrowDown', shown, open, 'CAP > B')).toBeNull();
    expect(treeKeyMove('ArrowUp', shown, open, 'CAP > A')).toEqual({ focus: 'CAP' });
    expect(treeKeyMove('End', shown, open, 'CAP')).toEqual({ focus: 'CAP > B' });
    expect(treeKeyMove('Home', shown, open, 'CAP > B')).toEqual({ focus: 'CAP' });
  });

  it('opens a closed node with Right, then steps into its first child', () => {
    expect(treeKeyMove('ArrowRight', shown, open, 'CAP > A')).toEqual({ expand: 'CAP > A' });
    const wider = new Set(['CAP', 'CAP > A']);
    expect(treeKeyMove('ArrowRight', visibleNodes(roots, wider), wider, 'CAP > A')).toEqual({ focus: 'CAP > A > A1' });
    expect(treeKeyMove('ArrowRight', shown, open, 'CAP > B')).toBeNull();
  });

  it('closes an open node with Left, or steps out to the parent', () => {
    expect(treeKeyMove('ArrowLeft', shown, open, 'CAP')).toEqual({ collapse: 'CAP' });
    expect(treeKeyMove('ArrowLeft', shown, open, 'CAP > B')).toEqual({ focus: 'CAP' });
    expect(treeKeyMove('ArrowLeft', visibleNodes(roots, new Set()), new Set(), 'CAP')).toBeNull();
  });

  it('toggles with Enter and ignores other keys', () => {
    expect(treeKeyMove('Enter', shown, open, 'CAP')).toEqual({ collapse: 'CAP' });
    expect(treeKeyMove('Enter', shown, open, 'CAP > A')).toEqual({ expand: 'CAP > A' });
    expect(treeKeyMove('x', shown, open, 'CAP')).toBeNull();
  });

  it('focuses the first node when the focused one is no longer shown', () => {
    expect(treeKeyMove('ArrowDown', shown, open, 'CAP > A > A1')).toEqual({ focus: 'CAP' });
  });
});
