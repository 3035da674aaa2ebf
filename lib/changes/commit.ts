import type { ChangeSource } from '@/lib/validation/change-set';
import type { DatabaseHandle } from '@/lib/db/open';
import { loadModelRows } from '@/lib/forecast/load-model';
import { todayIso } from '@/lib/forecast/params';
import { jsonRecord } from '@/lib/imports/batch-events';
import { committedQuickForecastPoint, dashboardForecastPoint, hypotheticalForecastPoint, type ForecastPoint } from '@/lib/imports/forecast-delta';
import { applyChanges, rowKey, type Applied, type Workspace } from './apply';
import { ENTITY_DEFS } from './entities';
import { loadWorkspace } from './load';
import { applyEventsToModelRows } from './model-rows';
import type { Query } from './sql';
import { summarizeChanges } from './summary';
import type { ChangeError, ChangeRow, Conflict, DiffEntry, Values } from './types';
import { writeEvents } from './write';

/** Where a change set came from: a person's request, or the server's own undo and redo (imports and reverts: lib/imports). */
export type ChangeSetSource = ChangeSource | 'undo' | 'redo' | 'import' | 'revert';

/** The forecast headline as the change-set API spells it (CONTRACT-changes.md). */
export interface ForecastHeadline {
  gpuDays: number;
  nextTarget: { date: string; target: number; gpus: number } | null;
}

export interface Preview {
  errors: ChangeError[];
  diff: DiffEntry[];
  conflicts: Conflict[];
  /**
   * before and after at the same tier (quick), so their difference is the change's alone; `dashboard`
   * is the dashboard's stored (proven) forecast of the data as it is, when there is one.
   */
  forecast: { before: ForecastHeadline | null; after: ForecastHeadline | null; tier: 'quick'; dashboard: ForecastHeadline | null; error?: string } | null;
  summary: string;
}

export type CommitResult =
  | {
      outcome: 'committed';
      changeSetId: number;
      applied: number;
      /** Each change's own row as committed (`values`: its fields now, null when deleted; not part of the API's answer). */
      rows: { index: number; entity: string; id: number; version: number | null; values: Values | null }[];
    }
  | { outcome: 'invalid'; errors: ChangeError[] }
  | { outcome: 'conflict'; conflicts: Conflict[] };

const headline = (p: ForecastPoint): ForecastHeadline => ({
  gpuDays: Number(p.gpuDays),
  nextTarget: p.nextTarget ? { date: p.nextTarget.date, target: p.nextTarget.target, gpus: p.nextTarget.gpusOnline } : null,
});

/** Who changed each conflicting row last, and when (its newest audit event: an edit's or an import's). */
async function describeConflicts(query: Query, conflicts: Applied['conflicts'], ws: Workspace): Promise<Conflict[]> {
  const byId = new Map(ws.rows.map((r) => [rowKey(r.entity, r.id), r] as const));
  const keys = conflicts.map((c) => {
    const row = byId.get(rowKey(c.entity, c.id));
    return row ? { entity: ENTITY_DEFS[c.entity].auditEntity, key: ENTITY_DEFS[c.entity].auditKey(row.values) } : null;
  });
  const wanted = keys.filter((k): k is { entity: string; key: string } => k !== null);
  const latest = new Map<string, { actor: string; at: string }>();
  if (wanted.length > 0) {
    const rows = await query<{ entity: string; key: string; actor: string; at: string }>(
      `SELECT DISTINCT ON (e.entity, e."entityId") e.entity, e."entityId" AS key, e.actor, to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM "AuditEvent" e JOIN unnest($1::text[], $2::text[]) AS k(entity, key) ON e.entity = k.entity AND e."entityId" = k.key
        ORDER BY e.entity, e."entityId", e.id DESC`,
      [wanted.map((k) => k.entity), wanted.map((k) => k.key)],
    );
    for (const r of rows) latest.set(`${r.entity}|${r.key}`, { actor: r.actor, at: r.at });
  }
  return conflicts.map((c, i) => {
    const k = keys[i];
    const last = k ? latest.get(`${k.entity}|${k.key}`) : undefined;
    return { ...c, changedBy: last?.actor ?? null, changedAt: last?.at ?? null };
  });
}

/**
 * A dry run: the errors by row and field, the rows already changed since they were read, the
 * diff, and the forecast's change: the quick tier on the data with these changes applied in
 * memory (by the engine pool) against the quick tier on the data as it is (shared cache). Both at
 * one tier: on the demo the quick tier's schedule is 10,464 GPU-days below the proven one's, which
 * a proven "before" would report as the cost of any change. Writes nothing.
 */
export async function previewChanges(db: DatabaseHandle, changes: readonly ChangeRow[], opts: { envelopeErrors?: ChangeError[]; forecast?: boolean; today?: string } = {}): Promise<Preview> {
  const today = opts.today ?? todayIso();
  const { applied, conflicts } = await db.bulk.transaction(async (conn) => {
    const ws = await loadWorkspace(conn.query, changes, { lock: false, today });
    const first = applyChanges(changes, ws);
    // With conflicts, show (and forecast) what the person meant: their changes over the current rows.
    const meant = first.conflicts.length > 0 && first.errors.length === 0 ? applyChanges(changes, ws, { ignoreVersions: true }) : first;
    return { applied: { ...meant, errors: first.errors }, conflicts: await describeConflicts(conn.query, first.conflicts, ws) };
  });
  const errors = [...(opts.envelopeErrors ?? []), ...applied.errors].sort((a, b) => a.index - b.index);
  let forecast: Preview['forecast'] = null;
  let delta: number | null = null;
  if (opts.forecast !== false) {
    const rows = await loadModelRows(db.prisma);
    const [quick, dashboard] = await Promise.all([committedQuickForecastPoint(db, rows), dashboardForecastPoint(db, rows)]);
    const before = headline(quick);
    forecast = { before, after: null, tier: 'quick', dashboard: dashboard && headline(dashboard) };
    if (errors.length === 0) {
      try {
        const after = headline(await hypotheticalForecastPoint(db.locals, applyEventsToModelRows(rows, applied.events), 'quick'));
        forecast.after = after;
        delta = after.gpuDays - before.gpuDays;
      } catch (err) {
        // An invalid model (a BOM cycle…) or a full engine queue: the preview still shows the diff.
        forecast.error = err instanceof Error ? err.message : 'the forecast could not be computed';
      }
    }
  }
  return { errors, diff: applied.diff, conflicts, forecast, summary: summarizeChanges(applied.diff, { tense: 'present', gpuDaysDelta: delta }) };
}

const PROMISE_SOURCE: Record<string, string> = { undo: 'undo', redo: 'redo' };

interface CommitInTransaction {
  actor: string;
  source: ChangeSetSource;
  today: string;
  undoesId?: number | null;
}

/** The commit's work inside an open transaction: lock and read, check every version, write, audit, record. */
async function commitIn(query: Query, changes: readonly ChangeRow[], opts: CommitInTransaction): Promise<CommitResult> {
  const ws = await loadWorkspace(query, changes, { lock: true, today: opts.today });
  const applied = applyChanges(changes, ws);
  if (applied.errors.length > 0) return { outcome: 'invalid', errors: applied.errors };
  if (applied.conflicts.length > 0) return { outcome: 'conflict', conflicts: await describeConflicts(query, applied.conflicts, ws) };
  const summary = summarizeChanges(applied.diff, { tense: 'past' });
  const [cs] = await query<{ id: number }>(
    `INSERT INTO "ChangeSet" (actor, source, summary, "rowCount", "undoesId") VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [opts.actor, opts.source, summary, applied.events.length, opts.undoesId ?? null],
  );
  const changeSetId = Number(cs!.id);
  const byTemp = new Map(applied.events.map((e) => [rowKey(e.entity, e.id), e] as const));
  await writeEvents(query, applied.events, { changeSetId, actor: opts.actor, promiseSource: PROMISE_SOURCE[opts.source] ?? 'edit' });
  const current = new Map(ws.rows.map((r) => [rowKey(r.entity, r.id), r.version] as const));
  const rows = applied.primary.map((p) => {
    const e = byTemp.get(rowKey(p.entity, p.id));
    // A change that left its row as it was keeps the row's version.
    return { index: p.index, entity: p.entity, id: e ? e.id : p.id, version: e ? e.afterVersion : (current.get(rowKey(p.entity, p.id)) ?? null), values: p.values };
  });
  return { outcome: 'committed', changeSetId, applied: changes.length, rows };
}

const sqlState = (err: unknown) => (typeof err === 'object' && err !== null ? (err as { code?: string }).code : undefined);
const isUniqueViolation = (err: unknown) => sqlState(err) === '23505';

/**
 * Runs a transaction again when PostgreSQL picked it as a deadlock's victim (an import locks the
 * rows it updates in its own order): nothing of it was written, and a second try sees the other's rows.
 */
async function retryDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (sqlState(err) !== '40P01' || i >= attempts) throw err;
    }
  }
}

/**
 * Commits a change set in one transaction: every row it names is locked and its version
 * checked; any error or conflict writes nothing. Then the rows, an audit event per row
 * linked to the change set, the promise history and the change set record.
 */
export async function commitChanges(
  db: DatabaseHandle,
  changes: readonly ChangeRow[],
  opts: { actor: string; source: ChangeSource; envelopeErrors?: ChangeError[]; today?: string },
): Promise<CommitResult> {
  // A malformed change refuses the set; report every row's errors at once, as a dry run would.
  if (opts.envelopeErrors && opts.envelopeErrors.length > 0) {
    return { outcome: 'invalid', errors: (await previewChanges(db, changes, { envelopeErrors: opts.envelopeErrors, forecast: false, today: opts.today })).errors };
  }
  try {
    return await retryDeadlock(() => db.bulk.transaction((conn) => commitIn(conn.query, changes, { actor: opts.actor, source: opts.source, today: opts.today ?? todayIso() })));
  } catch (err) {
    // Two people creating the same key at once: the second finds it taken.
    if (!isUniqueViolation(err)) throw err;
    const first = changes.find((c) => c.op === 'create') ?? changes[0]!;
    return { outcome: 'invalid', errors: [{ index: first.index, entity: first.entity, id: null, label: null, field: null, message: 'a row with this key was created by someone else meanwhile: reload and try again' }] };
  }
}

export type UndoResult =
  | CommitResult
  | { outcome: 'not-found' }
  | { outcome: 'refused'; message: string };

/** The change set that puts back what change set `target`'s audit events changed: each row's values before it. */
async function inverseChanges(query: Query, target: number): Promise<ChangeRow[]> {
  const raw = await query<{ entity: string; before: unknown; after: unknown }>(
    `SELECT entity, before, after FROM "AuditEvent" WHERE "changeSetId" = $1 ORDER BY id DESC`,
    [target],
  );
  const events = raw.map((e) => ({ entity: e.entity, before: jsonRecord(e.before), after: jsonRecord(e.after) }));
  const defs = Object.values(ENTITY_DEFS);
  return events.map((e, index): ChangeRow => {
    const def = defs.find((d) => d.auditEntity === e.entity)!;
    const pick = (doc: Record<string, unknown>) => Object.fromEntries(def.fields.map((f) => [f, (doc[f] ?? null) as string | number | null]));
    if (e.before && e.after) return { index, entity: def.entity, op: 'update', id: Number(e.after.id), version: Number(e.after.version), set: pick(e.before), internal: true };
    if (e.after) return { index, entity: def.entity, op: 'delete', id: Number(e.after.id), version: Number(e.after.version), internal: true };
    return { index, entity: def.entity, op: 'create', id: Number(e.before!.id), version: Number(e.before!.version) + 1, set: pick(e.before!), internal: true };
  });
}

/**
 * Undo: a new change set (source `undo`) putting every row change set `id` wrote back to its
 * value before it, refused as a conflict for any row changed since. Redo (of a change set that
 * was undone): the undo's own undo, recorded as `redo`. Imports are taken back by reverting
 * their batch.
 */
export async function reverseChangeSet(db: DatabaseHandle, id: number, actor: string, mode: 'undo' | 'redo', today = todayIso()): Promise<UndoResult> {
  return retryDeadlock(() => db.bulk.transaction(async (conn) => {
    const q = conn.query;
    const [cs] = await q<{ id: number; source: string; undoneById: number | null }>(`SELECT id, source, "undoneById" FROM "ChangeSet" WHERE id = $1 FOR UPDATE`, [id]);
    if (!cs) return { outcome: 'not-found' };
    if (cs.source === 'import' || cs.source === 'revert') return { outcome: 'refused', message: `Change set #${id} is an import: revert its batch instead.` };
    if (mode === 'undo' && cs.undoneById !== null) return { outcome: 'refused', message: `Change set #${id} was already undone (by #${cs.undoneById}).` };
    if (mode === 'redo' && cs.undoneById === null) return { outcome: 'refused', message: `Change set #${id} has not been undone: there is nothing to redo.` };
    const target = mode === 'undo' ? id : Number(cs.undoneById);
    const result = await commitIn(q, await inverseChanges(q, target), { actor, source: mode, today, undoesId: target });
    if (result.outcome !== 'committed') return result;
    await q(`UPDATE "ChangeSet" SET "undoneById" = $1 WHERE id = $2`, [result.changeSetId, target]);
    // Redone: the original stands again and can be undone again.
    if (mode === 'redo') await q(`UPDATE "ChangeSet" SET "undoneById" = NULL WHERE id = $1`, [id]);
    return result;
  }));
}
