import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { collectProblems } from '@/lib/capacity';
import { resolveDatabaseTarget } from '@/lib/db/config';
import { openDatabase } from '@/lib/db/open';
import { buildCapacityModel } from '@/lib/forecast/build-model';
import { loadModelRows } from '@/lib/forecast/load-model';
import { describeParamIssues, forecastParamsSchema, todayIso } from '@/lib/forecast/params';
import { resolveAdjustmentsWithOrigins } from '@/lib/forecast/run-forecast';
import { isAcceptSupplierStock, type StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { cliActor } from './actor';
import { InputError, UsageError } from './usage';

const FLAG_OF: Record<string, string> = { planStart: '--plan-start', horizonDays: '--horizon-days', scenario: 'name' };

/**
 * `clearbuild scenario save <name> <adjustments.json>` stores a what-if as a Scenario
 * row (validated against today's data by the engine's own model checks, audited);
 * `clearbuild scenario list` shows them. `forecast --scenario <name>` runs one.
 */
export async function scenarioCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'plan-start': { type: 'string' }, 'horizon-days': { type: 'string' } },
  });
  const [action, name, file, ...extra] = positionals;
  if (action === 'list' && !name) return listScenarios();
  if (action !== 'save' || !name || !file || extra.length > 0) throw new UsageError('scenario takes: save <name> <adjustments.json> | list');

  const parsed = forecastParamsSchema.safeParse({ planStart: values['plan-start'], horizonDays: values['horizon-days'], scenario: name });
  if (!parsed.success) throw new InputError(`clearbuild scenario: ${describeParamIssues(parsed.error, (f) => FLAG_OF[f] ?? f)}`);
  let adjustments: StoredAdjustment[];
  try {
    const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(json)) throw new Error('expected a JSON array of adjustments');
    adjustments = json as StoredAdjustment[];
  } catch (err) {
    throw new InputError(`${file}: ${(err as Error).message}`);
  }

  const db = await openDatabase(resolveDatabaseTarget());
  try {
    const unknown = await unknownStockSuppliers(db.prisma, adjustments);
    if (unknown.length > 0) throw new InputError(unknown.map((u) => `${file}: #${u.index + 1} acceptSupplierStock: supplier ${JSON.stringify(u.supplier)} is not a known supplier`).join('\n'));
    const resolved = await resolveAdjustmentsWithOrigins(db.prisma, adjustments);
    const model = buildCapacityModel(await loadModelRows(db.prisma), {
      planStart: parsed.data.planStart ?? todayIso(),
      horizonDays: parsed.data.horizonDays ?? 365,
      adjustments: resolved.adjustments,
    });
    // The engine numbers the expanded list ("#4 delayLine"); name the adjustment as the file has it.
    const renumber = (key: string) => key.replace(/^#(\d+)/, (_, n: string) => `#${(resolved.origins[Number(n) - 1] ?? Number(n) - 1) + 1}`);
    const problems = collectProblems(model).filter((p) => p.entity === 'adjustment');
    if (problems.length > 0) throw new InputError(problems.map((p) => `${file}: ${renumber(p.key)}: ${p.message}`).join('\n'));
    const data = {
      planStart: parsed.data.planStart ? new Date(`${parsed.data.planStart}T00:00:00Z`) : null,
      horizonDays: parsed.data.horizonDays ?? null,
      adjustments: adjustments as unknown as Prisma.InputJsonValue,
    };
    await db.prisma.$transaction(async (tx) => {
      const before = await tx.scenario.findUnique({ where: { name } });
      await tx.scenario.upsert({ where: { name }, create: { name, ...data }, update: data });
      await tx.auditEvent.create({
        data: {
          entity: 'Scenario',
          entityId: name,
          action: before ? 'update' : 'create',
          before: before ? ({ adjustments: before.adjustments } as Prisma.InputJsonValue) : undefined,
          after: { adjustments: data.adjustments },
          actor: cliActor(),
        },
      });
    });
    console.log(`Scenario "${name}" saved with ${adjustments.length} adjustment(s). Run it: npx clearbuild forecast --scenario "${name}"`);
  } finally {
    await db.close();
  }
}

async function unknownStockSuppliers(prisma: PrismaClient, adjustments: StoredAdjustment[]) {
  const asked = adjustments.map((a, index) => ({ a, index })).filter(({ a }) => isAcceptSupplierStock(a));
  if (asked.length === 0) return [];
  const codes = asked.map(({ a }) => (a as { supplier: unknown }).supplier).filter((c): c is string => typeof c === 'string');
  const known = new Set((await prisma.supplier.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((s) => s.code));
  return asked.filter(({ a }) => !known.has((a as { supplier: string }).supplier)).map(({ a, index }) => ({ index, supplier: (a as { supplier: unknown }).supplier }));
}

async function listScenarios(): Promise<void> {
  const db = await openDatabase(resolveDatabaseTarget());
  try {
    const rows = await db.prisma.scenario.findMany({ orderBy: { name: 'asc' } });
    if (rows.length === 0) console.log('No scenarios yet.');
    for (const s of rows) console.log(`${s.name}\t${Array.isArray(s.adjustments) ? s.adjustments.length : 0} adjustment(s)`);
  } finally {
    await db.close();
  }
}
