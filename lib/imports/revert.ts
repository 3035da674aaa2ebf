import type { DatabaseHandle } from '@/lib/db/open';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { batchEventRowsSql } from './batch-events';
import { recordRevertChangeSet } from './change-set';
import { STAGED_KINDS } from './staged';

export interface RevertConflict {
  entity: string;
  key: string;
  actor: string;
  at: string;
  /** The later import batch that changed the row, or null for a person's edit. */
  batchId: number | null;
}

export type RevertResult =
  | { outcome: 'reverted'; batchId: number; restored: number; deleted: number }
  | { outcome: 'not-found' }
  | { outcome: 'refused'; message: string }
  | { outcome: 'conflict'; message: string; conflicts: RevertConflict[] };

const CONFLICTS_LISTED = 200;

/**
 * Takes a committed batch back: rows it created are deleted, rows it updated get
 * their previous values, all in one transaction and audited. Refused, naming
 * the rows, when anything changed one of those rows after the batch: its values
 * are no longer the batch's to take back.
 */
export async function revertBatch(db: DatabaseHandle, batchId: number, actor: string): Promise<RevertResult> {
  return db.bulk.transaction(async (conn) => {
    const [batch] = await conn.query<{ id: number; kind: string; status: string }>(`SELECT id, kind, status::text FROM "ImportBatch" WHERE id = $1 FOR UPDATE`, [batchId]);
    if (!batch) return { outcome: 'not-found' };
    if (batch.status !== 'committed') return { outcome: 'refused', message: `Batch #${batchId} is ${batch.status}; only a committed batch can be reverted.` };
    const kind = STAGED_KINDS[batch.kind as ImportKind];
    if (!kind) return { outcome: 'refused', message: `Batch #${batchId} is a ${batch.kind} import, which cannot be reverted.` };
    // The batch's changed rows, one per row (grouped creations expanded): what the statements below undo.
    await conn.query(
      `CREATE TEMP TABLE batch_events (id bigint, ord int, entity text, "entityId" text, action text, before jsonb, after jsonb, actor text, "createdAt" timestamp(3), "batchId" int) ON COMMIT DROP`,
    );
    await conn.query(
      `INSERT INTO batch_events SELECT r.id::bigint, r.ord, r.entity, r."entityId", r.action, r.before, r.after, r.actor, r."createdAt", $1
         FROM (${batchEventRowsSql}) r WHERE r.action IN ('create', 'update')`,
      [batchId],
    );
    await conn.query('ANALYZE batch_events');
    const conflicts = await conn.query<{ entity: string; key: string; actor: string; at: Date; batch_id: number | null }>(
      `SELECT later.entity, later."entityId" AS key, later.actor, later."createdAt" AS at, later."batchId" AS batch_id
         FROM batch_events e
         JOIN "AuditEvent" later ON later.entity = e.entity AND later."entityId" = e."entityId" AND later.id > e.id
        WHERE e."batchId" = $1 AND later."batchId" IS DISTINCT FROM $1
          -- A later batch that was itself reverted (its events and its revert's) changed nothing that stands.
          AND NOT EXISTS (SELECT 1 FROM "ImportBatch" b WHERE b.id = later."batchId" AND b.status = 'reverted')
        ORDER BY later.id LIMIT ${CONFLICTS_LISTED}`,
      [batchId],
    );
    if (conflicts.length > 0) {
      return {
        outcome: 'conflict',
        message: `Batch #${batchId} cannot be reverted: ${conflicts.length >= CONFLICTS_LISTED ? `${CONFLICTS_LISTED}+` : conflicts.length} of its rows were changed after it. Revert or undo those changes first.`,
        conflicts: conflicts.map((c) => ({ entity: c.entity, key: c.key, actor: c.actor, at: new Date(c.at).toISOString(), batchId: c.batch_id })),
      };
    }
    if (kind.revertBlockersSql) {
      const blockers = await conn.query<{ key: string; message: string }>(`${kind.revertBlockersSql} LIMIT ${CONFLICTS_LISTED}`, [batchId]);
      if (blockers.length > 0) {
        return {
          outcome: 'refused',
          message: `Batch #${batchId} cannot be reverted: ${blockers
            .slice(0, 5)
            .map((b) => `${b.key} ${b.message}`)
            .join('; ')}${blockers.length > 5 ? `; and ${blockers.length - 5} more` : ''}.`,
        };
      }
    }
    // Re-promises first, while the lines still hold the batch's dates.
    if (kind.revertHistorySql) await conn.query(kind.revertHistorySql, [batchId, actor]);
    const count = async (sql: string) => (await conn.query<{ n: number }>(`WITH x AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM x`, [batchId]))[0]?.n ?? 0;
    const deleted = await count(kind.revertCreatesSql);
    const restored = await count(kind.revertUpdatesSql);
    // The revert is a change like any other: one event per row, the batch's after as before
    // (after is null for a deleted row), filed under the batch it undoes and in its own change set.
    const changeSetId = await recordRevertChangeSet(conn, batchId, actor, { restored, deleted });
    await conn.query(
      `INSERT INTO "AuditEvent" (entity, "entityId", action, before, after, actor, "batchId", "changeSetId")
       SELECT entity, "entityId", 'revert', after, before, $2, $1, $3::int FROM batch_events ORDER BY id, ord`,
      [batchId, actor, changeSetId],
    );
    await conn.query(
      `INSERT INTO "AuditEvent" (entity, "entityId", action, after, actor) VALUES ('ImportBatch', $1::text, 'revert', jsonb_build_object('deleted', $2::int, 'restored', $3::int), $4)`,
      [String(batchId), deleted, restored, actor],
    );
    await conn.query(`UPDATE "ImportBatch" SET status = 'reverted', "revertedAt" = now(), "revertedBy" = $2 WHERE id = $1`, [batchId, actor]);
    return { outcome: 'reverted', batchId, restored, deleted };
  });
}
