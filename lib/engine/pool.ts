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

/**
 * Who waits for a job. `interactive`: a person (a quick what-if, a proven forecast
 * asked for with nothing stored). `background`: nobody yet (the proof that upgrades a
 * quick answer, the dashboard's recompute after a change, PO-line values).
 */
export type EnginePriority = 'interactive' | 'background';

export type Engine = (model: CapacityModel, options: ForecastOptions, priority?: EnginePriority) => Promise<Forecast>;

/** A job handed to the engine: its answer, and a way to say a person now waits for it. */
export interface EngineTicket {
  result: Promise<Forecast>;
  /** Makes a background job interactive (a no-op once it runs, or for an interactive one). */
  promote(): void;
}

interface Pending {
  job: EngineJob;
  route: string;
  priority: EnginePriority;
  resolve: (f: Forecast) => void;
  reject: (e: Error) => void;
  /** A priming job (prime()): runs on this worker only, and marks it primed for `data` when done. */
  pinned?: { slot: Slot; data: string };
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  /** The route of the last job it ran: its warm engine holds that data version. */
  warmFor: string | null;
  /** The data (prime()'s key) this worker has answered a quick forecast of, or has one queued for. */
  primedFor: string | null;
  /** What-ifs it has rehearsed (lib/capacity/rehearse.ts; once in its life, when first primed), or null before its first priming. */
  rehearsed: number | null;
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
 *
 * Interactive jobs go first: they leave the queue before any background job, and
 * where the pool has more than one worker (the default), background jobs never hold the last one,
 * so a person waits at most for the one job running in the worker it takes (a proof
 * takes seconds; a what-if behind a queue of proofs waited minutes). A full queue
 * turns away the newest background job to make room for an interactive one.
 */
export class EnginePool {
  private readonly slots: Slot[] = [];
  /** First come, first served within each priority. */
  private readonly queues: Record<EnginePriority, Pending[]> = { interactive: [], background: [] };
  private nextId = 1;
  private closed = false;

  constructor(
    // At least two, so one is always there for a person while a proof runs in the background.
    readonly size = envInt('CLEARBUILD_ENGINE_WORKERS', Math.max(2, Math.min(4, os.availableParallelism() - 1))),
    readonly maxQueued = envInt('CLEARBUILD_ENGINE_QUEUE', 16),
  ) {}

  run: Engine = (model, options, priority = 'interactive') => this.submit(model, options, priority).result;

  submit(model: CapacityModel, options: ForecastOptions, priority: EnginePriority = 'interactive'): EngineTicket {
    let pending: Pending | null = null;
    const result = new Promise<Forecast>((resolve, reject) => {
      if (this.closed) return reject(new Error('the engine pool is closed'));
      // Priming gives way to anyone's job.
      if (this.queuedCount() >= this.maxQueued) this.dropOnePriming();
      const queued = this.queuedCount();
      // Interactive work is refused only when interactive work alone fills the queue.
      const full = priority === 'interactive' ? this.queues.interactive.length >= this.maxQueued : queued >= this.maxQueued;
      if (full) return reject(new EngineBusyError(queued));
      if (queued >= this.maxQueued) this.queues.background.pop()!.reject(new EngineBusyError(queued));
      pending = { job: { id: this.nextId++, model, options }, route: routeOf(model), priority, resolve, reject };
      this.queues[priority].push(pending);
      this.dispatch();
    });
    return {
      result,
      promote: () => {
        const i = pending ? this.queues.background.indexOf(pending) : -1;
        if (i < 0) return;
        this.queues.background.splice(i, 1);
        pending!.priority = 'interactive';
        this.queues.interactive.push(pending!);
        this.dispatch();
      },
    };
  }

  /**
   * Readies every worker for what-ifs on this data (`model`, with no adjustments; `data` names it, e.g. the
   * database's data version): each worker not primed for it yet runs the model's quick forecast once, so its
   * warm engine holds the data's base (lib/capacity/warm-start.ts) and a person's first what-if there is not a
   * cold one. In a pool of two or more, a worker's first priming also rehearses what-ifs on the data
   * (lib/capacity/rehearse.ts: about 2.5 s on the demo; it starts none after 4 s), so its compiled code is
   * warm too; a pool of one never does, as its only worker is the one kept for people. Background work,
   * ahead of the rest (never on the worker kept for people); the answers are dropped, and a queue too full
   * for them drops the priming, never anyone's job.
   */
  prime(model: CapacityModel, data: string, options: ForecastOptions = { tier: 'quick', pegging: 'none', shortages: 'none' }): void {
    if (this.closed) return;
    while (this.slots.length < this.size) this.spawn();
    for (const slot of this.slots) {
      if (slot.primedFor === data) continue;
      if (this.queuedCount() >= this.maxQueued) return;
      slot.primedFor = data;
      // The worker rehearses only once in its life, whatever it is asked later.
      const job = { id: this.nextId++, model, options, rehearse: this.size > 1 };
      // Turned away or failed: not primed (the next prime() tries again).
      const unprime = () => {
        if (slot.primedFor === data) slot.primedFor = null;
      };
      // Ahead of other background work: it is short (a first one rehearses for seconds, once), and a person
      // may be about to ask a what-if.
      this.queues.background.unshift({ job, route: routeOf(model), priority: 'background', resolve: () => undefined, reject: unprime, pinned: { slot, data } });
    }
    this.dispatch();
  }

  /** Whether prime(…, data) would queue anything: a worker not started yet, or one not primed for `data`. */
  needsPriming(data: string): boolean {
    return !this.closed && (this.slots.length < this.size || this.slots.some((s) => s.primedFor !== data));
  }

  /** The data each worker is primed for (prime()), in the order they started. */
  primedData(): (string | null)[] {
    return this.slots.map((s) => s.primedFor);
  }

  /** What-ifs each worker rehearsed when first primed (null: not yet), in the order they started. */
  rehearsals(): (number | null)[] {
    return this.slots.map((s) => s.rehearsed);
  }

  /** The route each worker is warm for (routeOf), in the order they started. */
  warmRoutes(): (string | null)[] {
    return this.slots.map((s) => s.warmFor);
  }

  /** Forecasts waiting for a worker and being computed. */
  load(): { queued: number; running: number } {
    return { queued: this.queuedCount(), running: this.slots.filter((s) => s.busy).length };
  }

  /** The ids of the jobs waiting, in the order they will start (the first may wait for a worker only it may use). */
  queuedIds(): number[] {
    return [...this.queues.interactive, ...this.queues.background].map((p) => p.job.id);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queues.interactive.splice(0).concat(this.queues.background.splice(0))) p.reject(new Error('the engine pool is closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private dropOnePriming(): void {
    const i = this.queues.background.findLastIndex((p) => p.pinned);
    if (i >= 0) this.queues.background.splice(i, 1)[0]!.reject(new EngineBusyError(this.queuedCount()));
  }

  private queuedCount(): number {
    return this.queues.interactive.length + this.queues.background.length;
  }

  /**
   * Interactive jobs first, then background ones while a worker stays for
   * interactive work (any worker in a pool of one); within a priority, first come,
   * first served. The job goes to a free worker warm for its data if there is one,
   * else to a new worker while the pool may grow (so the warm ones stay warm), else
   * to any free worker.
   */
  private dispatch() {
    for (;;) {
      const queue = this.queues.interactive.length > 0 ? this.queues.interactive : this.queues.background;
      // A priming job waits for its own worker (or is dropped, below, if that worker died); the jobs behind it need not.
      const at = queue.findIndex((p) => !p.pinned || !p.pinned.slot.busy || !this.slots.includes(p.pinned.slot));
      const next = queue[at];
      if (!next) return;
      if (next.pinned && !this.slots.includes(next.pinned.slot)) {
        queue.splice(at, 1); // its worker died: a new one is primed by the next prime()
        continue;
      }
      if (next.priority === 'background' && this.size > 1 && this.slots.filter((s) => s.busy?.priority === 'background').length >= this.size - 1) return;
      const free = this.slots.filter((s) => !s.busy);
      let slot = next.pinned?.slot ?? free.find((s) => s.warmFor === next.route);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      slot ??= free[0];
      if (!slot) return;
      queue.splice(at, 1);
      slot.busy = next;
      slot.warmFor = next.route;
      slot.worker.postMessage(next.job);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(/* turbopackIgnore: true */ ENTRY(), { name: 'clearbuild-engine' });
    // An idle worker never keeps a CLI or test process alive.
    worker.unref();
    const slot: Slot = { worker, busy: null, warmFor: null, primedFor: null, rehearsed: null };
    worker.on('message', (msg: EngineReply | { ready: true }) => {
      if ('ready' in msg) return;
      const done = slot.busy;
      slot.busy = null;
      if (done && done.job.id === msg.id) {
        if (msg.rehearsed !== undefined) slot.rehearsed = (slot.rehearsed ?? 0) + msg.rehearsed;
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

/** What the process's engine is to its callers: a pool, or a stand-in that records its jobs (tests). */
export type EngineQueue = Pick<EnginePool, 'run' | 'submit' | 'load'>;

/** Installs `queue` as this process's engine in place of a worker pool (tests of the callers' priorities). */
export function installEngineQueue<Q extends EngineQueue>(locals: Map<string, unknown>, queue: Q): Q {
  locals.set(POOL, queue);
  return queue;
}

/** The process's engine: the worker pool where one is installed (the app server), else the engine in this thread (CLI, tests). */
export function engineFor(locals: Map<string, unknown>): Engine {
  const pool = locals.get(POOL) as EngineQueue | undefined;
  return pool ? pool.run : computeForecast;
}

/**
 * Starts a forecast on the process's engine at a priority, with a way to promote it
 * later (a person came to wait for a background job). In this thread (CLI, tests)
 * there is no queue, so priorities mean nothing.
 */
export function startForecast(locals: Map<string, unknown>, model: CapacityModel, options: ForecastOptions, priority: EnginePriority): EngineTicket {
  const pool = locals.get(POOL) as EngineQueue | undefined;
  if (pool) return pool.submit(model, options, priority);
  return { result: computeForecast(model, options), promote: () => undefined };
}

/**
 * Primes the process's worker pool for what-ifs on this data (EnginePool.prime), building the model only when
 * a worker is not primed for it yet; nothing where the engine runs in this thread.
 */
export async function primeEngine(locals: Map<string, unknown>, data: string, model: () => CapacityModel | Promise<CapacityModel>): Promise<void> {
  const pool = locals.get(POOL) as EngineQueue | EnginePool | undefined;
  if (!pool || !('prime' in pool) || !pool.needsPriming(data)) return;
  pool.prime(await model(), data);
}

/** The installed pool's forecasts waiting and running, or null where the engine runs in this thread. */
export function engineLoad(locals: Map<string, unknown>): { queued: number; running: number } | null {
  const pool = locals.get(POOL) as EngineQueue | undefined;
  return pool ? pool.load() : null;
}
