import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSetupError } from './errors';
import { isProcessAlive } from './process-alive';

const LOCK_FILE = 'clearbuild.lock';

interface LockInfo {
  pid: number;
  command: string;
  startedAt: string;
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * PGlite is single-process: two processes opening one data folder corrupt it.
 * Take an exclusive lock file (O_EXCL), reclaim it only when its owner is dead,
 * and release it when this process exits. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (err) {
    throw new DatabaseSetupError(
      `ClearBuild: the data folder ${dataDir} is not writable (${(err as NodeJS.ErrnoException).code ?? 'error'}). ` +
        'Set CLEARBUILD_DATA_DIR to a folder you can write, or set DATABASE_URL.',
    );
  }
  const file = path.join(dataDir, LOCK_FILE);
  const info: LockInfo = {
    pid: process.pid,
    command: process.argv.slice(1).map((a) => path.basename(a)).join(' ').slice(0, 200),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      const release = () => {
        const held = readLock(file);
        if (held?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DatabaseSetupError(
          `ClearBuild: cannot lock the data folder ${dataDir} (${(err as NodeJS.ErrnoException).code ?? 'error'}). ` +
            'Set CLEARBUILD_DATA_DIR to a folder you can write, or set DATABASE_URL.',
        );
      }
      const holder = readLock(file);
      if (holder?.pid === process.pid) return () => undefined;
      if (holder && isProcessAlive(holder.pid)) {
        throw new DatabaseSetupError(
          `ClearBuild: the embedded database in ${dataDir} is in use by process ${holder.pid} ` +
            `(${holder.command || 'unknown command'}, since ${holder.startedAt}). ` +
            'Only one process may open it: use the running app (its web page or API), or stop that process first.',
        );
      }
      // The owner died without cleaning up: the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new DatabaseSetupError(`ClearBuild: could not take the lock on ${dataDir}; another process keeps taking it.`);
}
