import path from 'node:path';

/** Which database ClearBuild talks to: a PostgreSQL server, or the embedded one in a folder. */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; display: string }
  | { kind: 'embedded'; dataDir: string; display: string };

/** Reads the environment once; nothing else in the app looks at DATABASE_URL or CLEARBUILD_DATA_DIR. */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url, display: redactUrl(url) };
  const dataDir = path.resolve(/* turbopackIgnore: true */ env.CLEARBUILD_DATA_DIR?.trim() || '.data');
  return { kind: 'embedded', dataDir, display: `embedded PostgreSQL in ${dataDir}` };
}

/** Error messages name the server but must never echo a password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
