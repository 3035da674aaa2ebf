#!/usr/bin/env node
// Serves a production build for Playwright: fresh embedded data folder (unless
// E2E_DATABASE_URL names a server), demo seeded, `next build` then `next start`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const port = process.env.PORT ?? '3100';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
delete env.DATABASE_URL;
if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
else {
  env.CLEARBUILD_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? '.data/e2e');
  fs.rmSync(env.CLEARBUILD_DATA_DIR, { recursive: true, force: true });
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run('npx', ['tsx', 'scripts/db-seed.ts']);
if (!process.env.E2E_SKIP_BUILD) run('npx', ['next', 'build']);
const server = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
