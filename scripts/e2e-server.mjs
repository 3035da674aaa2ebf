#!/usr/bin/env node
// Serves a production build for Playwright the README's way: seed the demo, `next build`,
// `next start`. By default on a fresh embedded data folder (E2E_DATA_DIR); with
// `--postgres`, on a fresh database created on the server DATABASE_URL names (dropped
// again when the server stops), reusing the build the first server made (E2E_SKIP_BUILD).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const port = process.env.PORT ?? '3100';
const onPostgres = process.argv.includes('--postgres');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
delete env.DATABASE_URL;
delete env.CLEARBUILD_DATA_DIR;

let dropDatabase = async () => undefined;
// Stopped (Playwright's gracefulShutdown sends SIGTERM) before the server has started, while seeding or building:
// drop the database here. Once it has started, the server's exit does (below).
let server = null;
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    if (server) server.kill(sig);
    else void dropDatabase().then(() => process.exit(1));
  });
if (onPostgres) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('e2e-server --postgres needs DATABASE_URL');
  const name = `clearbuild_e2e_${Date.now()}_${process.pid}`;
  const admin = async (sql) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.BETTER_AUTH_SECRET ??= randomBytes(32).toString('base64url');
} else {
  env.CLEARBUILD_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? '.data/e2e');
  fs.rmSync(env.CLEARBUILD_DATA_DIR, { recursive: true, force: true });
}

async function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    await dropDatabase();
    process.exit(r.status ?? 1);
  }
}

await run('npx', ['tsx', 'scripts/db-seed.ts']);
if (!process.env.E2E_SKIP_BUILD) await run('npx', ['next', 'build']);
// The keep-alive of `npm start` / `npm run demo` (package.json): idle connections outlive a balancer's.
server = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1', '--keepAliveTimeout', '65000'], { stdio: 'inherit', env });
server.on('exit', async (code) => {
  await dropDatabase();
  process.exit(code ?? 0);
});
