// npm run db:migrate — applies pending migrations to the configured database
// (DATABASE_URL, else the embedded one in CLEARBUILD_DATA_DIR). Idempotent.
import { resolveDatabaseTarget } from '../lib/db/config';
import { openDatabase } from '../lib/db/open';
import { runEntryPoint } from './entry-point';

await runEntryPoint(async () => {
  const db = await openDatabase(resolveDatabaseTarget());
  await db.close();
  const applied = db.appliedMigrations;
  console.log(
    applied.length > 0
      ? `Applied ${applied.length} migration(s) to ${db.target.display}: ${applied.join(', ')}`
      : `${db.target.display} is up to date: no pending migrations.`,
  );
});
