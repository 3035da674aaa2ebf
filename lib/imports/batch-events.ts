/**
 * How an import batch's changes are audited. An updated row gets its own AuditEvent
 * (action 'update', before and after), as a person's edit does. Created rows are
 * audited in groups: one 'create-rows' event per CREATED_ROWS_PER_EVENT rows of the file, its
 * `after` column-wise — `{ "entityId": [k1, k2, …], "sku": [s1, s2, …], … }` — the
 * same keys and values per-row events would hold, in one JSON document. A million
 * per-row events cost a million-line first import over a third of its time (a heap
 * row, index entries, a JSON object each, ~370 MB of WAL); column-wise groups of 200
 * build and compress in a few percent.
 *
 * Readers see rows either way: the SQL below expands groups into one row per created
 * row, after the batch's per-row events. (Batches committed before grouping have
 * per-row 'create' events; they read the same.)
 */
export const CREATED_ROWS_PER_EVENT = 200;

/** SQL building a row's JSON object from its fields (JSON name → SQL expression). */
export function jsonObjectSql(fields: Readonly<Record<string, string>>): string {
  return `jsonb_build_object(${Object.entries(fields)
    .map(([name, expr]) => `'${name}', ${expr}`)
    .join(', ')})`;
}

/** Rows of a batch's changes as every reader sees them: one per changed row. */
export interface BatchEventRow {
  /** The event's id, and for a grouped creation the row's position in it (1-based; 0 for per-row events). */
  id: string;
  ord: number;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  actor: string;
  createdAt: Date;
}

/**
 * The grouped creations of one write: over `c` (the changed rows of a staged diff),
 * given the row's key and its fields as SQL. $1 entity, $2 actor, $3 batch id.
 * A group is the created rows among CREATED_ROWS_PER_EVENT consecutive rows of the
 * file (grouping by row number needs no numbering pass over a million rows); its
 * rowCount says how many it holds, so a reader pages through groups without opening
 * them. The event's entityId names the group's first key (the first element of its
 * entityId array: the same aggregate, not a second pass comparing a million keys) and
 * how many follow, for people reading the audit log.
 */
export function createdRowsAuditSql(entityIdSql: string, fields: Readonly<Record<string, string>>): string {
  const names = Object.keys(fields);
  const columns = names.map((name, i) => `'${name}', to_jsonb(array_agg(g.f${i}))`).join(', ');
  return `INSERT INTO "AuditEvent" (entity, "entityId", action, after, actor, "batchId", "rowCount")
    SELECT $1, (array_agg(g.entity_id))[1] || CASE WHEN count(*) > 1 THEN ' + ' || (count(*) - 1) || ' more' ELSE '' END,
      'create-rows', jsonb_build_object('entityId', to_jsonb(array_agg(g.entity_id)), ${columns}), $2, $3::int, count(*)
    FROM (SELECT c.row_no / ${CREATED_ROWS_PER_EVENT} AS grp, ${entityIdSql} AS entity_id, ${names.map((name, i) => `${fields[name]} AS f${i}`).join(', ')}
          FROM c WHERE c.is_new) g
    GROUP BY g.grp ORDER BY g.grp`;
}

/**
 * The rows of grouped creation events `e` (a FROM item exposing AuditEvent's columns, filtered by `where`),
 * one per created row: every column array is unnested with its position and the
 * positions regrouped into objects (each event's document is read once, not per row).
 */
function expandedCreationsSql(events: string, where: string): string {
  return `SELECT r.id::text AS id, r.ord::int AS ord, r.entity, r.obj->>'entityId' AS "entityId", 'create' AS action, NULL::jsonb AS before,
      r.obj - 'entityId' AS after, r.actor, r."createdAt"
    FROM (SELECT e.id, e.entity, e.actor, e."createdAt", x.ord, jsonb_object_agg(f.key, x.v) AS obj
            FROM ${events} CROSS JOIN LATERAL jsonb_each(e.after) AS f CROSS JOIN LATERAL jsonb_array_elements(f.value) WITH ORDINALITY AS x(v, ord)
           WHERE ${where}
           GROUP BY e.id, e.entity, e.actor, e."createdAt", x.ord) r`;
}

/** Batch $1's per-row events, as BatchEventRow columns. */
const SINGLE_EVENTS_SQL = `SELECT e.id::text AS id, 0 AS ord, e.entity, e."entityId", e.action, e.before, e.after, e.actor, e."createdAt"
    FROM "AuditEvent" e WHERE e."batchId" = $1 AND e.action <> 'create-rows'`;

/**
 * Every changed row of batch $1, per-row events first (by id), then grouped creations
 * expanded (by event, then position), as BatchEventRow columns.
 */
export const batchEventRowsSql = `
  ${SINGLE_EVENTS_SQL}
  UNION ALL
  ${expandedCreationsSql('"AuditEvent" e', `e."batchId" = $1 AND e.action = 'create-rows'`)}`;

/** A JSON column as an object: drivers hand jsonb over parsed, or as text. */
export function jsonRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : (value as Record<string, unknown> | null);
}

type Query = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * One page of a batch's changed rows and how many there are. Pages inside the
 * per-row events read only those; pages among the creations expand only the groups
 * they cover, found from the groups' row counts.
 */
export async function fetchBatchEventRows(query: Query, batchId: number, offset: number, limit: number): Promise<{ total: number; rows: BatchEventRow[] }> {
  const [counts] = await query<{ single: number }>(
    `SELECT count(*)::int AS single FROM "AuditEvent" WHERE "batchId" = $1 AND action <> 'create-rows'`,
    [batchId],
  );
  const groups = await query<{ id: string; rows: number }>(
    `SELECT id::text AS id, coalesce("rowCount", jsonb_array_length(after->'entityId')) AS rows FROM "AuditEvent" WHERE "batchId" = $1 AND action = 'create-rows' ORDER BY id`,
    [batchId],
  );
  const single = counts?.single ?? 0;
  const created = groups.reduce((sum, g) => sum + g.rows, 0);
  const rows: BatchEventRow[] = [];
  if (offset < single) {
    rows.push(
      ...(await query<BatchEventRow>(
        `${SINGLE_EVENTS_SQL} ORDER BY e.id OFFSET $2 LIMIT $3`,
        [batchId, offset, limit],
      )),
    );
  }
  const want = limit - rows.length;
  // The page's creations start `start` rows into them: expand only the groups that hold some of the page.
  const start = Math.max(0, offset - single);
  const covered: string[] = [];
  let before = 0;
  for (let i = 0, at = 0; i < groups.length && want > 0 && at < start + want; at += groups[i]!.rows, i++) {
    if (at + groups[i]!.rows <= start) continue;
    if (covered.length === 0) before = at;
    covered.push(groups[i]!.id);
  }
  if (covered.length > 0) {
    rows.push(
      ...(await query<BatchEventRow>(
        `SELECT * FROM (${expandedCreationsSql('"AuditEvent" e', 'e.id = ANY($1::bigint[])')}) x ORDER BY x.id::bigint, x.ord OFFSET $2 LIMIT $3`,
        [covered, start - before, want],
      )),
    );
  }
  return { total: single + created, rows };
}
