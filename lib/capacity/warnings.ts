import type { NModel } from './normalize';
import type { Relaxation } from './relaxation';
import type { PastDueLine, Warning } from './types';

/** Past-due lines named in each supplier's warning; the count covers all of them. */
const PAST_DUE_LINES_NAMED = 50;

/**
 * Things a planner should see even though the forecast handles them: past-due
 * lines (counted on day 0), parts nobody can supply, recipes that can never run
 * within the horizon, targets the horizon does not reach.
 */
export function modelWarnings(m: NModel, rel: Relaxation): Warning[] {
  const out: Warning[] = [];
  // Grouped by supplier (pastDueLines is in line-key order): the large model has 6,018 of them.
  const bySupplier = new Map<string, PastDueLine[]>();
  for (const l of m.pastDueLines) {
    let list = bySupplier.get(l.supplier);
    if (!list) bySupplier.set(l.supplier, (list = []));
    list.push({ poNumber: l.poNumber, lineNo: l.lineNo, sku: l.sku, promisedDate: l.promisedDate });
  }
  for (const [supplier, lines] of bySupplier) {
    const earliest = lines.reduce((e, l) => (l.promisedDate < e ? l.promisedDate : e), lines[0]!.promisedDate);
    const what = lines.length === 1 ? `PO line ${supplier}/${lines[0]!.poNumber}/${lines[0]!.lineNo} (${lines[0]!.sku}) was` : `${lines.length} open PO lines were`;
    out.push({
      kind: 'pastDue',
      message: `${supplier}: ${what} promised before the plan start (earliest ${earliest}); counted on day 0`,
      supplier,
      lineCount: lines.length,
      earliestPromisedDate: earliest,
      lines: lines.slice(0, PAST_DUE_LINES_NAMED),
    });
  }
  m.items.forEach((it, i) => {
    if (m.consumers[i]!.length === 0 || m.recipeOf[i]! >= 0) return;
    if (m.ext[i]!.some((q) => q > 0)) return;
    out.push({ kind: 'noSupply', message: `${it.sku} has no stock on hand, no open PO line within the horizon and no recipe`, sku: it.sku });
  });
  for (const r of m.recipeOrder) {
    const rec = m.recipes[r]!;
    const sku = m.items[rec.out]!.sku;
    const X = rel.X[r]!;
    if (rel.lastUseful[r]! < 0) {
      const feedsCapacity = m.items[rec.out]!.capacity || m.consumers[rec.out]!.length > 0;
      if (feedsCapacity)
        out.push({ kind: 'recipeNeverRuns', message: `${sku} cannot run in time: its output could not reach GPUs online before the horizon ends`, sku });
      continue;
    }
    if (m.H > 0 && X[m.H - 1] === 0) {
      const short = rec.comps.filter((c) => rel.A[c.item]![m.H - 1]! < c.qty).map((c) => m.items[c.item]!.sku);
      const why = short.length > 0 ? `never enough ${short.join(', ')}` : rec.lim === 0 ? 'its weekly limit is 0' : 'its inputs never line up';
      out.push({ kind: 'recipeNeverRuns', message: `${sku} can never start within the horizon: ${why}`, sku });
    }
  }
  for (const t of m.targets) {
    if (t.day < 0 || t.day >= m.H)
      out.push({ kind: 'targetOutsideHorizon', message: `target ${t.gpusOnline} GPUs by ${t.date} is outside the forecast horizon`, date: t.date });
  }
  return out;
}
