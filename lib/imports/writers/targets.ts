import { classify } from '../classify';
import { dateText, toDate } from '../diff-fields';
import type { KindWriter } from '../types';

export interface TargetRow {
  date: string;
  gpusOnline: number;
}

export const targetsWriter: KindWriter<TargetRow> = {
  entity: 'Target',
  async write({ tx, dryRun }, rows) {
    const existing = await tx.target.findMany({ where: { date: { in: rows.map((r) => toDate(r.value.date)) } } });
    const stored = new Map(existing.map((t) => [dateText(t.date), { gpusOnline: t.gpusOnline }]));
    const changes = classify(stored, rows.map(({ value: v }) => ({ key: v.date, fields: { gpusOnline: v.gpusOnline } })));
    if (dryRun) return { problems: [], changes };
    for (const c of changes) {
      if (c.action === 'unchanged') continue;
      const gpusOnline = c.after.gpusOnline as number;
      await tx.target.upsert({ where: { date: toDate(c.key) }, create: { date: toDate(c.key), gpusOnline }, update: { gpusOnline } });
    }
    return { problems: [], changes };
  },
};
