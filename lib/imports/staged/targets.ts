import type { Target } from '@/lib/validation/target';
import type { StagedKind } from './types';

export const targetsStaged: StagedKind<Target> = {
  entity: 'Target',
  columns: [
    { name: 'date', type: 'date' },
    { name: 'gpus', type: 'int' },
  ],
  cells: (r) => [r.date, r.gpusOnline],
  entityId: (r) => r.date,
  entityIdSql: (t) => `to_char(${t}.date, 'YYYY-MM-DD')`,
  afterFields: { date: "to_char(c.date, 'YYYY-MM-DD')", gpusOnline: 'c.gpus' },
  prepareSql: [],
  diffSql: `SELECT st.*, t.id AS target_id, (t.id IS NULL) AS is_new, (t.id IS NOT NULL AND t."gpusOnline" = st.gpus) AS unchanged,
      t."gpusOnline" AS old_gpus
    FROM st LEFT JOIN "Target" t ON t.date = st.date`,
  beforeSql: `CASE WHEN c.is_new THEN NULL ELSE jsonb_build_object('date', to_char(c.date, 'YYYY-MM-DD'), 'gpusOnline', c.old_gpus) END`,
  insertSql: `INSERT INTO "Target" (date, "gpusOnline") SELECT c.date, c.gpus FROM c WHERE c.is_new`,
  updateSql: `UPDATE "Target" t SET "gpusOnline" = c.gpus, version = t.version + 1 FROM c WHERE NOT c.is_new AND t.id = c.target_id`,
  revertCreatesSql: `DELETE FROM "Target" t USING batch_events e
    WHERE e."batchId" = $1 AND e.entity = 'Target' AND e.action = 'create' AND t.date = e."entityId"::date`,
  revertUpdatesSql: `UPDATE "Target" t SET "gpusOnline" = (e.before->>'gpusOnline')::int, version = t.version + 1 FROM batch_events e
    WHERE e."batchId" = $1 AND e.entity = 'Target' AND e.action = 'update' AND t.date = e."entityId"::date`,
};
