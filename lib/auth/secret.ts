import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseTarget } from '@/lib/db/config';
import { DatabaseSetupError } from '@/lib/db/errors';

const SECRET_FILE = 'auth-secret';

/**
 * The key that signs session cookies. Never in the repository: BETTER_AUTH_SECRET
 * when set; for the embedded database, one generated on first use into its data
 * folder (readable by this user only); a PostgreSQL deployment must set the variable.
 */
export function resolveAuthSecret(target: DatabaseTarget, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new DatabaseSetupError('ClearBuild: BETTER_AUTH_SECRET must be at least 32 characters.');
    return fromEnv;
  }
  if (target.kind !== 'embedded') {
    throw new DatabaseSetupError(
      'ClearBuild: set BETTER_AUTH_SECRET (e.g. `openssl rand -base64 32`) when DATABASE_URL is set; ' +
        'only the embedded database generates its own secret.',
    );
  }
  const file = path.join(target.dataDir, SECRET_FILE);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(target.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (err) {
    // Another process wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw err;
  }
}
