import { collectProblems, type CapacityModel } from '@/lib/capacity';
import { buildCapacityModel } from '@/lib/forecast/build-model';
import { loadModelRows } from '@/lib/forecast/load-model';
import { DEFAULT_HORIZON_DAYS, todayIso } from '@/lib/forecast/params';
import { resolveAdjustmentsWithOrigins } from '@/lib/forecast/run-forecast';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { isAcceptSupplierStock, type StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';
import type { ScenarioIssue } from './scenario-schema';

/** The field an engine problem is about, from its message (the engine names the field in words). */
function fieldOf(a: StoredAdjustment | undefined, message: string): string {
  if (/^PO line .* (does not exist|already exists)/.test(message)) return 'lineNo';
  if (/^supplier /.test(message)) return 'supplier';
  if (/^no recipe makes/.test(message)) return 'outputSku';
  if (/^item .* not a known item/.test(message)) return 'sku';
  const named = /^(days|factor|qty|onHand|leadTimeDays|maxStartsPerWeek|promisedDate|location|line number)\b/.exec(message)?.[1];
  if (named) return named === 'line number' ? 'lineNo' : named;
  return a?.kind === undefined ? 'kind' : 'adjustment';
}

/**
 * Checks well-formed adjustments against the data as it is now: the PO lines,
 * suppliers, items and recipes they name must exist (the engine's own model
 * checks). Problems come back by the index of the adjustment as the caller wrote
 * it (an acceptSupplierStock expands to several engine adjustments).
 */
export async function checkAdjustmentsAgainstData(
  prisma: PrismaClient,
  adjustments: StoredAdjustment[],
  at: { planStart?: string; horizonDays?: number } = {},
): Promise<{ issues: ScenarioIssue[]; model: CapacityModel | null }> {
  const issues: ScenarioIssue[] = [];
  const asked = adjustments.map((a, index) => ({ a, index })).filter(({ a }) => isAcceptSupplierStock(a));
  if (asked.length > 0) {
    const codes = asked.map(({ a }) => (a as { supplier: string }).supplier);
    const known = new Set((await prisma.supplier.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((s) => s.code));
    for (const { a, index } of asked) {
      const supplier = (a as { supplier: string }).supplier;
      if (!known.has(supplier)) issues.push({ index, field: 'supplier', message: `supplier ${JSON.stringify(supplier)} is not a known supplier` });
    }
    if (issues.length > 0) return { issues, model: null };
  }
  const [rows, resolved] = await Promise.all([loadModelRows(prisma), resolveAdjustmentsWithOrigins(prisma, adjustments)]);
  const model = buildCapacityModel(rows, {
    planStart: at.planStart ?? todayIso(),
    horizonDays: at.horizonDays ?? DEFAULT_HORIZON_DAYS,
    adjustments: resolved.adjustments,
  });
  for (const p of collectProblems(model)) {
    if (p.entity !== 'adjustment') continue;
    const n = Number(/^#(\d+)/.exec(p.key)?.[1] ?? 0);
    const index = resolved.origins[n - 1] ?? n - 1;
    issues.push({ index, field: fieldOf(adjustments[index], p.message), message: p.message });
  }
  return { issues, model };
}
