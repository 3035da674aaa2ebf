#!/usr/bin/env node
// The e2e tests drive Debian's Chromium (never a downloaded browser). On a fresh
// machine of this kind it is not installed yet: install it from Debian's packages
// when we can (root with apt-get), otherwise say exactly what to run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const canApt = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!canApt) {
  console.error(`e2e: ${CHROMIUM} is missing. Install Debian's Chromium: sudo apt-get update && sudo apt-get install -y chromium`);
  process.exit(1);
}
console.error("e2e: installing Debian's chromium (apt-get install -y chromium)…");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`e2e: chromium installed but ${CHROMIUM} is still missing`);
  process.exit(1);
}
