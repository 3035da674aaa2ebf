import { addDays } from './calendar';
import type { CsvRow } from './types';

// The board-approved ramp: GPUs online at the end of each four-week period
// (13 periods = 364 days, so the last target falls inside a one-year horizon).
// It assumed Des Moines would be ready on time, and it never bends.

export const TARGET_PERIOD_DAYS = 28;

export const TARGET_GPUS: readonly number[] = [
  1600, 4800, 8000, 10400, 12000, 13200, 14800, 17200, 18800, 20000, 20800, 22400, 24000,
];

export function targetRows(anchor: string): CsvRow[] {
  return TARGET_GPUS.map((gpus, i) => ({
    date: addDays(anchor, (i + 1) * TARGET_PERIOD_DAYS - 1),
    gpus_online: String(gpus),
  }));
}
