import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { computeForecast, ModelValidationError, type CapacityModel, type Forecast, type ForecastOptions } from '@/lib/capacity';
import type { EngineJob, EngineReply } from './protocol';

/** The engine's queue is full: the caller should answer 503 with Retry-After. */
export class EngineBusyError extends Error {
  override name = 'EngineBusyError';
  readonly retryAfterSeconds = 5;
  constructor(readonly queued: number) {
    super(`The forecast engine is busy (${queued} forecasts waiting). Try again in a few seconds.`);
  }
}

export type Engine = (model: CapacityModel, options: ForecastOptions) => Promise<Forecast>;

interface Pending {
  job: EngineJob;
  route: string;
  resolve: (f: Forecast) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  /** The route of the last job it ran: its warm engine holds that data version. */
  warmFor: string | null;
}

/**
 * Which worker a job should go to: each worker keeps a warm engine per data
 * version (lib/capacity/warm-start.ts), so what-ifs on the same data go where the
 * last one went. Only a routing hint, cheap to compute (no hashing of the model on
 * the serving thread): two data versions sharing it merely share a worker, and
 * the answer never depends on which worker gives it.
 */
export function routeOf(model: CapacityModel): string {
  return [model.planStart, model.horizonDays, model.items.length, model.recipes.length, model.inventory.length, model.poLines.length].join('|');
}

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

// Resolved at run time from the project folder (where `next start` and the CLI run): the
// worker loads the engine from source through tsx. Built from parts so the bundler does not
// try to trace and bundle the worker (and tsx's esbuild binary) into the route.
const ENTRY = () => [process.cwd(), 'lib', 'engine', 'worker-entry.mjs'].join(path.sep);

/**
 * A bounded pool of worker threads running the capacity engine, so a forecast never
 * holds the thread that serves pages and API calls. Jobs wait in a bounded queue;
 * past it, EngineBusyError. A worker that dies fails its job and is replaced.
 */
export class EnginePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size = envInt('CLEARBUILD_ENGINE_WORKERS', Math.max(1, Math.min(4, os.availableParallelism() - 1))),
    readonly maxQueued = envInt('CLEARBUILD_ENGINE_QUEUE', 16),
  ) {}

  run: Engine = (model, options) => {
    if (this.closed) return Promise.reject(new Error('the engine pool is closed'));
    if (this.queue.length >= this.maxQueued) return Promise.reject(new EngineBusyError(this.queue.length));
    return new Promise<Forecast>((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, model, options }, route: routeOf(model), resolve, reject });
      this.dispatch();
    });
  };

  /** The route each worker is warm for (routeOf), in the order they started. */
  warmRoutes(): (string | null)[] {
    return this.slots.map((s) => s.warmFor);
  }

  /** Forecasts waiting for a worker and being computed. */
  load(): { queued: number; running: number } {
    return { queued: this.queue.length, running: this.slots.filter((s) => s.busy).length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the engine pool is closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  /**
   * First come, first served; the job goes to a free worker warm for its data
   * if there is one, else to a new worker while the pool may grow (so the warm
   * ones stay warm), else to any free worker.
   */
  private dispatch() {
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      const free = this.slots.filter((s) => !s.busy);
      let slot = free.find((s) => s.warmFor === next.route);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      slot ??= free[0];
      if (!slot) return;
      this.queue.shift();
      slot.busy = next;
      slot.warmFor = next.route;
      slot.worker.postMessage(next.job);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(/* turbopackIgnore: true */ ENTRY(), { name: 'clearbuild-engine' });
    // An idle worker never keeps a CLI or test process alive.
    worker.unref();
    const slot: Slot = { worker, busy: null, warmFor: null };
    worker.on('message', (msg: EngineReply | { ready: true }) => {
      if ('ready' in msg) return;
      const done = slot.busy;
      slot.busy = null;
      if (done && done.job.id === msg.id) {
        if (msg.ok) done.resolve(msg.forecast);
        else {
          const err = msg.error.problems ? new ModelValidationError(msg.error.problems) : Object.assign(new Error(msg.error.message), { name: msg.error.name });
          done.reject(err);
        }
      }
      this.dispatch();
    });
    const fail = (err: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      slot.busy?.reject(new Error(`the forecast engine's worker stopped: ${err.message}`));
      slot.busy = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`exit code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }
}

const POOL = 'engine:pool';

/**
 * Installs the worker pool as this process's engine, on the open database's
 * shared `locals` (so every bundled copy of a module finds the same pool).
 */
export function installEnginePool(locals: Map<string, unknown>): EnginePool {
  let pool = locals.get(POOL) as EnginePool | undefined;
  if (!pool) locals.set(POOL, (pool = new EnginePool()));
  return pool;
}

/** The process's engine: the worker pool where one is installed (the app server), else the engine in this thread (CLI, tests). */
export function engineFor(locals: Map<string, unknown>): Engine {
  const pool = locals.get(POOL) as { run: Engine } | undefined;
  return pool ? pool.run : computeForecast;
}

/** The installed pool's forecasts waiting and running, or null where the engine runs in this thread. */
export function engineLoad(locals: Map<string, unknown>): { queued: number; running: number } | null {
  const pool = locals.get(POOL) as { load(): { queued: number; running: number } } | undefined;
  return pool ? pool.load() : null;
}
