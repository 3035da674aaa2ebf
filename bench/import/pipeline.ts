import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface PipelineRun {
  ms: number;
  /** Peak RSS of the whole process, in MB. */
  maxRssMb: number;
  /** Peak RSS before runImport started (startup and openDatabase), in MB. */
  openedRssMb: number;
  batchId: number | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  alreadyImported: boolean;
}

const CHILD = fileURLToPath(new URL('./pipeline-child.ts', import.meta.url));

/** Runs one import of `file` through ClearBuild's pipeline in a fresh process (see pipeline-child.ts). */
export function runPipelineImport(databaseUrl: string, file: string): Promise<PipelineRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) return reject(new Error(`pipeline child ${signal ? `was killed by ${signal}` : `exited with ${code}`}`));
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as PipelineRun);
      } catch {
        reject(new Error(`pipeline child printed no result: ${last.slice(0, 200)}`));
      }
    });
  });
}
