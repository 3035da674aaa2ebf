// The capacity engine's worker thread: takes { id, model, options }, answers
// { id, ok: true, forecast } or { id, ok: false, error }. The engine is CPU-bound for
// seconds on real models, so it runs here, never on the thread that serves requests.
// HiGHS stays loaded between jobs: a warm worker skips its WebAssembly start-up.
import { parentPort } from 'node:worker_threads';
import { computeForecast, ModelValidationError, rehearse, warmUp } from '@/lib/capacity';
import type { EngineJob, EngineReply } from './protocol';

const port = parentPort;
if (!port) throw new Error('lib/engine/worker-main.ts runs as a worker thread');

await warmUp().catch(() => undefined);
// This thread's compiled code is warm once it has rehearsed: once in its life, on the first data it is primed for.
let rehearsed = false;
port.on('message', async (job: EngineJob) => {
  let reply: EngineReply;
  let count = 0;
  try {
    if (job.rehearse && !rehearsed) {
      rehearsed = true; // once, whatever happens next
      count = await rehearse(job.model);
    }
    reply = { id: job.id, ok: true, forecast: await computeForecast(job.model, job.options), ...(job.rehearse ? { rehearsed: count } : {}) };
  } catch (err) {
    reply = {
      id: job.id,
      ok: false,
      error: {
        name: err instanceof Error ? err.name : 'Error',
        message: err instanceof Error ? err.message : String(err),
        problems: err instanceof ModelValidationError ? err.problems : undefined,
      },
      ...(job.rehearse ? { rehearsed: count } : {}),
    };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
