import { formatDate, isoWeekLabel, weekMonday } from './dates';
import type { NModel } from './normalize';
import { batchGpus, type Batch } from './pegging';
import type { Gate, WeekBottleneck } from './types';

export function gateKey(g: Gate): string {
  switch (g.kind) {
    case 'poLine':
      return `po:${g.supplier}/${g.poNumber}/${g.lineNo}`;
    case 'onHand':
      return `onHand:${g.sku}`;
    default:
      return `${g.kind}:${g.sku}`;
  }
}

/**
 * For each ISO week in which GPUs come online: the supplies (down to the PO
 * line) or recipe limits that gated them, with how many of that week's GPUs
 * each one gated, largest first.
 */
export function weeklyBottlenecks(m: NModel, batches: Batch[]): WeekBottleneck[] {
  const scale = 10 ** m.gpuDigits;
  const weeks = new Map<number, { total: number; gates: Map<string, { gate: Gate; gpus: number }> }>();
  for (const b of batches) {
    const g = batchGpus(m, b);
    if (g <= 0 || !b.gate) continue;
    const monday = weekMonday(m.start + b.land);
    let w = weeks.get(monday);
    if (!w) weeks.set(monday, (w = { total: 0, gates: new Map() }));
    w.total += g;
    const key = gateKey(b.gate);
    const e = w.gates.get(key);
    if (e) e.gpus += g;
    else w.gates.set(key, { gate: b.gate, gpus: g });
  }
  return [...weeks.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([monday, w]) => ({
      week: isoWeekLabel(monday),
      weekStart: formatDate(monday),
      gpusOnlined: w.total / scale,
      gates: [...w.gates.entries()]
        .sort((a, b) => b[1].gpus - a[1].gpus || (a[0] < b[0] ? -1 : 1))
        .map(([, e]) => ({ gate: e.gate, gpus: e.gpus / scale })),
    }));
}
