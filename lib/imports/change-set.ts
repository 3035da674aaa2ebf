import type { BulkConnection } from '@/lib/db/bulk';

/**
 * Every committed import batch is a change set (source `import`), and its revert another
 * (source `revert`, undoing the import's), so a row's history names the batch either way.
 * The batch's audit events stay filed under the batch; the change set points at it.
 */
export async function recordImportChangeSet(
  conn: BulkConnection,
  batch: { id: number; actor: string; filename: string; kind: string },
  counts: { created: number; updated: number; unchanged: number },
): Promise<number> {
  const summary = `Imported ${batch.filename} (${batch.kind}): ${counts.created.toLocaleString('en-US')} created, ${counts.updated.toLocaleString('en-US')} updated, ${counts.unchanged.toLocaleString('en-US')} unchanged.`;
  const [row] = await conn.query<{ id: number }>(
    `INSERT INTO "ChangeSet" (actor, source, summary, "rowCount", "importBatchId") VALUES ($1, 'import', $2, $3, $4) RETURNING id`,
    [batch.actor, summary, counts.created + counts.updated, batch.id],
  );
  return Number(row!.id);
}

/** The revert's change set, linked both ways to the import's; returns its id for the revert's audit events. */
export async function recordRevertChangeSet(conn: BulkConnection, batchId: number, actor: string, counts: { restored: number; deleted: number }): Promise<number> {
  const summary = `Reverted import batch #${batchId}: ${counts.restored.toLocaleString('en-US')} rows restored, ${counts.deleted.toLocaleString('en-US')} deleted.`;
  const [row] = await conn.query<{ id: number }>(
    `INSERT INTO "ChangeSet" (actor, source, summary, "rowCount", "importBatchId", "undoesId")
     VALUES ($1, 'revert', $2, $3, $4, (SELECT min(id) FROM "ChangeSet" WHERE "importBatchId" = $4 AND source = 'import')) RETURNING id`,
    [actor, summary, counts.restored + counts.deleted, batchId],
  );
  const id = Number(row!.id);
  await conn.query(`UPDATE "ChangeSet" SET "undoneById" = $1 WHERE "importBatchId" = $2 AND source = 'import'`, [id, batchId]);
  return id;
}
