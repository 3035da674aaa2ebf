// One ClearBuild import in its own process, so its peak RSS is the import's alone:
//   DATABASE_URL=… tsx bench/import/pipeline-child.ts <file.csv>
// Opening the database (migrations check, interrupted-import sweep) is not timed; runImport is.
// Prints one JSON line on stdout for bench/import/main.ts.
import fs from 'node:fs';
import path from 'node:path';
import { resolveDatabaseTarget } from '@/lib/db/config';
import { openDatabase } from '@/lib/db/open';
import { runImport } from '@/lib/imports/run-import';

const file = process.argv[2];
if (!file) throw new Error('usage: pipeline-child.ts <file.csv>');

const db = await openDatabase(resolveDatabaseTarget());
try {
  // Opening the database loads the wasm schema engine to check migrations, as the CLI does; its share of the peak is reported apart.
  const openedRssMb = process.resourceUsage().maxRSS / 1024;
  const t = performance.now();
  const summary = await runImport(db, {
    kind: 'purchase-orders',
    source: fs.createReadStream(file),
    filename: path.basename(file),
    actor: 'bench',
    dryRun: false,
  });
  const ms = performance.now() - t;
  const result = {
    ms,
    // Linux reports maxRSS in kilobytes: the process's peak over its whole life, startup included.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    openedRssMb,
    batchId: summary.batchId,
    rows: summary.rows,
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    alreadyImported: summary.alreadyImported,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await db.close();
}
