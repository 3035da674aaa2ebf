import type { Prisma } from '@/lib/generated/prisma/client';
import type { RowChange } from './types';

/** Audit rows for what an import changed; unchanged rows leave no trace. */
export function toAuditRows(entity: string, changes: RowChange[], actor: string, batchId: number): Prisma.AuditEventCreateManyInput[] {
  return changes
    .filter((c) => c.action !== 'unchanged')
    .map((c) => ({
      entity,
      entityId: c.key,
      action: c.action,
      before: (c.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: c.after as Prisma.InputJsonValue,
      actor,
      batchId,
    }));
}
