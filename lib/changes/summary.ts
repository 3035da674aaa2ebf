import type { ChangeEntity } from '@/lib/validation/change-set';
import type { DiffEntry } from './types';

const NOUNS: Record<ChangeEntity, [string, string]> = {
  purchaseOrderLine: ['line', 'lines'],
  purchaseOrder: ['PO', 'POs'],
  item: ['item', 'items'],
  supplier: ['supplier', 'suppliers'],
  inventoryBalance: ['stock balance', 'stock balances'],
  recipe: ['recipe', 'recipes'],
  recipeLine: ['BOM line', 'BOM lines'],
};

const VERBS = {
  create: ['Creating', 'Created'],
  update: ['Changing', 'Changed'],
  delete: ['Deleting', 'Deleted'],
  receive: ['Receiving', 'Received'],
  move: ['Moving', 'Moved'],
} as const;

const count = (n: number, entity: ChangeEntity) => `${n.toLocaleString('en-US')} ${NOUNS[entity][n === 1 ? 0 : 1]}`;

/**
 * One sentence for a change set, as people say it: "Moving 12 lines' promised dates costs
 * 38,400 GPU-days." A dry run speaks in the present with the forecast's change; a committed
 * change set is recorded in the past ("Moved 12 lines' promised dates"). Each request row
 * counts once, by what it did to its own row.
 */
export function summarizeChanges(diff: readonly DiffEntry[], opts: { tense: 'present' | 'past'; gpuDaysDelta?: number | null }): string {
  const t = opts.tense === 'present' ? 0 : 1;
  const seen = new Set<number>();
  const groups = new Map<string, { verb: keyof typeof VERBS; entity: ChangeEntity; n: number }>();
  for (const e of diff) {
    if (seen.has(e.index)) continue;
    seen.add(e.index);
    const onlyDate = e.entity === 'purchaseOrderLine' && e.op === 'update' && e.fields.every((f) => f.field === 'promisedDate' || f.field === 'firstPromisedDate');
    const verb = onlyDate ? 'move' : e.op;
    const k = `${verb}|${e.entity}`;
    const g = groups.get(k);
    if (g) g.n += 1;
    else groups.set(k, { verb, entity: e.entity, n: 1 });
  }
  if (groups.size === 0) return opts.tense === 'present' ? 'Nothing would change.' : 'Nothing changed.';
  const parts = [...groups.values()].map((g, i) => {
    const verb = VERBS[g.verb][t];
    const what = g.verb === 'move' ? (g.n === 1 ? "1 line's promised date" : `${count(g.n, g.entity)}' promised dates`) : count(g.n, g.entity);
    return `${i === 0 ? verb : verb.toLowerCase()} ${what}`;
  });
  const head = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const delta = opts.gpuDaysDelta;
  if (delta === undefined || delta === null) return `${head}.`;
  if (delta < 0) return `${head} costs ${(-delta).toLocaleString('en-US')} GPU-days.`;
  if (delta > 0) return `${head} gains ${delta.toLocaleString('en-US')} GPU-days.`;
  return `${head} leaves GPU-days unchanged.`;
}
