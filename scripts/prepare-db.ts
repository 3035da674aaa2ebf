// Runs before `next start`/`next dev`: applies pending migrations so a fresh data
// folder just works, and fails with one clear line when the database is unusable.
import { resolveDatabaseTarget } from '../lib/db/config';
import { openDatabase } from '../lib/db/open';
import { runEntryPoint } from './entry-point';

await runEntryPoint(async () => {
  const db = await openDatabase(resolveDatabaseTarget());
  await db.close();
});
