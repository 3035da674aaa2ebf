import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';
import { checkAdjustmentsAgainstData } from './check-scenario';
import type { ScenarioInput, ScenarioIssue } from './scenario-schema';

/** A saved what-if as the API lists it. */
export interface ScenarioRow {
  name: string;
  adjustments: StoredAdjustment[];
  planStart: string | null;
  horizonDays: number | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

type Row = { name: string; adjustments: Prisma.JsonValue; planStart: Date | null; horizonDays: number | null; createdBy: string | null; createdAt: Date; updatedAt: Date };

function toRow(s: Row): ScenarioRow {
  return {
    name: s.name,
    adjustments: (Array.isArray(s.adjustments) ? s.adjustments : []) as unknown as StoredAdjustment[],
    planStart: s.planStart ? s.planStart.toISOString().slice(0, 10) : null,
    horizonDays: s.horizonDays,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export async function listScenarios(prisma: PrismaClient): Promise<ScenarioRow[]> {
  return (await prisma.scenario.findMany({ orderBy: { name: 'asc' } })).map(toRow);
}

export async function findScenario(prisma: PrismaClient, name: string): Promise<ScenarioRow | null> {
  const s = await prisma.scenario.findUnique({ where: { name } });
  return s ? toRow(s) : null;
}

export type SaveOutcome =
  | { outcome: 'created' | 'updated'; scenario: ScenarioRow }
  | { outcome: 'exists'; name: string }
  | { outcome: 'invalid'; issues: ScenarioIssue[] };

const isUniqueViolation = (err: unknown) => (err as { code?: unknown })?.code === 'P2002' || /Unique constraint/i.test(String((err as Error)?.message));

/**
 * Saves a well-formed what-if after checking it against today's data, with its
 * audit event, in one transaction. `replace: false` (the API) refuses a name that
 * exists; `replace: true` (the CLI's `scenario save`) updates it. A scenario only
 * ever writes its own row: the data it is a what-if over is never touched.
 */
export async function saveScenario(prisma: PrismaClient, input: ScenarioInput, actor: string, { replace }: { replace: boolean }): Promise<SaveOutcome> {
  if (!replace && (await prisma.scenario.findUnique({ where: { name: input.name }, select: { id: true } }))) return { outcome: 'exists', name: input.name };
  const { issues } = await checkAdjustmentsAgainstData(prisma, input.adjustments as StoredAdjustment[], input);
  if (issues.length > 0) return { outcome: 'invalid', issues };
  const data = {
    planStart: input.planStart ? new Date(`${input.planStart}T00:00:00Z`) : null,
    horizonDays: input.horizonDays ?? null,
    adjustments: input.adjustments as unknown as Prisma.InputJsonValue,
  };
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.scenario.findUnique({ where: { name: input.name } });
      if (before && !replace) return { outcome: 'exists' as const, name: input.name };
      const saved = before
        ? await tx.scenario.update({ where: { name: input.name }, data })
        : await tx.scenario.create({ data: { name: input.name, createdBy: actor, ...data } });
      await tx.auditEvent.create({
        data: {
          entity: 'Scenario',
          entityId: input.name,
          action: before ? 'update' : 'create',
          before: before ? ({ adjustments: before.adjustments, planStart: before.planStart, horizonDays: before.horizonDays } as Prisma.InputJsonValue) : undefined,
          after: { adjustments: data.adjustments, planStart: input.planStart ?? null, horizonDays: data.horizonDays } as Prisma.InputJsonValue,
          actor,
        },
      });
      return { outcome: before ? ('updated' as const) : ('created' as const), scenario: toRow(saved) };
    });
  } catch (err) {
    // Two people saving the same new name at once: the second is told it exists.
    if (!replace && isUniqueViolation(err)) return { outcome: 'exists', name: input.name };
    throw err;
  }
}

export type DeleteOutcome = 'deleted' | 'not-found' | 'forbidden';

/** Deletes a what-if: its creator or an admin may (older rows without a creator: admins only). Audited. */
export async function deleteScenario(prisma: PrismaClient, name: string, by: { actor: string; isAdmin: boolean }): Promise<DeleteOutcome> {
  return prisma.$transaction(async (tx) => {
    const s = await tx.scenario.findUnique({ where: { name } });
    if (!s) return 'not-found';
    if (!by.isAdmin && (s.createdBy === null || s.createdBy !== by.actor)) return 'forbidden';
    await tx.scenario.delete({ where: { name } });
    await tx.auditEvent.create({
      data: {
        entity: 'Scenario',
        entityId: name,
        action: 'delete',
        before: { adjustments: s.adjustments, createdBy: s.createdBy } as Prisma.InputJsonValue,
        actor: by.actor,
      },
    });
    return 'deleted';
  });
}
