// What the benchmarks that run a production server share: a throwaway database
// (a fresh embedded folder, or a fresh database on the PostgreSQL server that
// DATABASE_URL names) and signing in as a demo user.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export async function benchDatabase(folder: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL?.trim();
  if (!server) {
    const dir = path.resolve(folder);
    fs.rmSync(dir, { recursive: true, force: true });
    return { env: { CLEARBUILD_DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `clearbuild_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), BETTER_AUTH_SECRET: randomBytes(32).toString('base64url') },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Signs in as a demo user; returns the session cookie. */
export async function signInAs(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: 'clearbuild-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
