import 'server-only';
import { resolveDatabaseTarget } from './config';
import { openDatabase, type OpenDatabase } from './open';

// One database per server process, cached on globalThis so Next.js's dev reloads
// reuse it instead of opening (and locking) the embedded folder again.
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
