import type { NModel } from './normalize';
import type { Relaxation } from './relaxation';
import type { Warning } from './types';

/**
 * Things a planner should see even though the forecast handles them: past-due
 * lines (counted on day 0), parts nobody can supply, recipes that can never run
 * within the horizon, targets the horizon does not reach.
 */
export function modelWarnings(m: NModel, rel: Relaxation): Warning[] {
  const out: Warning[] = [];
  for (const l of m.pastDueLines) {
    out.push({
      kind: 'pastDue',
      message: `PO line ${l.supplier}/${l.poNumber}/${l.lineNo} (${l.sku}) was promised ${l.promisedDate}, before the plan start; it is counted on day 0`,
      supplier: l.supplier,
      poNumber: l.poNumber,
      lineNo: l.lineNo,
      sku: l.sku,
      promisedDate: l.promisedDate,
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
