import { changedFields } from './diff-fields';
import type { RowChange } from './types';

/**
 * Splits incoming keyed rows into creates, updates and unchanged rows against
 * what is stored, keeping only the changed fields in an update's before/after.
 */
export function classify(
  stored: Map<string, Record<string, unknown>>,
  incoming: { key: string; fields: Record<string, unknown> }[],
): RowChange[] {
  return incoming.map(({ key, fields }) => {
    const before = stored.get(key);
    if (!before) return { key, action: 'create', before: null, after: fields };
    const changed = changedFields(before, fields);
    if (changed.length === 0) return { key, action: 'unchanged', before, after: fields };
    return {
      key,
      action: 'update',
      before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
      after: Object.fromEntries(changed.map((k) => [k, fields[k] ?? null])),
    };
  });
}

/** Looks up SKUs in one query; returns id by sku for those that exist. */
export async function skuIds(
  tx: { item: { findMany(args: { where: { sku: { in: string[] } }; select: { id: true; sku: true } }): Promise<{ id: number; sku: string }[]> } },
  skus: Iterable<string>,
): Promise<Map<string, number>> {
  const list = [...new Set(skus)];
  const found = list.length === 0 ? [] : await tx.item.findMany({ where: { sku: { in: list } }, select: { id: true, sku: true } });
  return new Map(found.map((i) => [i.sku, i.id]));
}
