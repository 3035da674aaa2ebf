import { formatDate } from './dates';
import type { NModel } from './normalize';
import type { Milestone } from './types';

export const STANDARD_LEVELS = [1_000, 5_000, 10_000, 25_000];

/**
 * The first day each target level is reached (null when not within the
 * horizon), and the standard 1k/5k/10k/25k levels that are within reach: reached,
 * or no higher than the largest target.
 */
export function milestones(m: NModel, totalScaled: Float64Array): Milestone[] {
  const scale = 10 ** m.gpuDigits;
  const firstDay = (level: number): number | null => {
    const want = level * scale;
    for (let d = 0; d < totalScaled.length; d++) if (totalScaled[d]! >= want - 1e-9) return d;
    return null;
  };
  const out: Milestone[] = [];
  for (const t of m.targets) {
    const d = firstDay(t.gpusOnline);
    const inside = t.day >= 0 && t.day < m.H;
    out.push({
      kind: 'target',
      gpusOnline: t.gpusOnline,
      targetDate: t.date,
      date: d === null ? null : formatDate(m.start + d),
      met: inside ? d !== null && d <= t.day : null,
    });
  }
  const final = totalScaled.length > 0 ? totalScaled[totalScaled.length - 1]! / scale : 0;
  const maxTarget = Math.max(0, ...m.targets.map((t) => t.gpusOnline));
  for (const level of STANDARD_LEVELS) {
    if (level > Math.max(final, maxTarget)) continue;
    const d = firstDay(level);
    out.push({ kind: 'level', gpusOnline: level, targetDate: null, date: d === null ? null : formatDate(m.start + d), met: null });
  }
  return out;
}
