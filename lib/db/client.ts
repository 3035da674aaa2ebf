import 'server-only';
import { resolveDatabaseTarget } from './config';
import { openDatabase, type OpenDatabase } from './open';

// The server process's one open database (lib/db/open.ts: the Prisma client, the bulk
// session, the data-folder lock and the process's shared locals), cached on globalThis:
// Next.js bundles server modules once per route, so module state would exist once per
// copy, while globalThis is one per process. Pages, actions, route handlers and
// instrumentation.ts all reach it here; dev reloads reuse it instead of locking the
// embedded folder again.
const globalForDb = globalThis as unknown as { clearbuildDb?: Promise<OpenDatabase> };

export function getDatabase(): Promise<OpenDatabase> {
  globalForDb.clearbuildDb ??= openDatabase(resolveDatabaseTarget()).catch((err: unknown) => {
    globalForDb.clearbuildDb = undefined;
    throw err;
  });
  return globalForDb.clearbuildDb;
}

export async function getPrisma() {
  return (await getDatabase()).prisma;
}
