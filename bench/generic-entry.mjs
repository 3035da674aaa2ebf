// bench:whatif runs the generic integer program in a worker thread of its own, so the
// benchmark can stop it at a wall-clock safety net (HiGHS 1.15 in wasm overran its own
// time limit by minutes on the demo). Register the TypeScript loader, then solve.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { referenceGpuDays } = await import('../lib/capacity/testing/reference-milp.ts');
parentPort.postMessage(await referenceGpuDays(workerData.model, workerData.timeLimitSeconds, workerData.work));
