import { afterEach, describe, expect, it } from 'vitest';
import { computeForecast, ModelValidationError, rehearsalWhatIfs } from '@/lib/capacity';
import { capacity, model, part, recipe, stock } from '@/lib/capacity/testing/builders';
import { EngineBusyError, EnginePool, engineFor, installEnginePool, routeOf, type EnginePriority } from './pool';

const tiny = (gpus: string) =>
  model({ horizonDays: 10, items: [part('GPU'), capacity('NODE', 8, 'S1')], recipes: [recipe('NODE', { GPU: '8' }, { lead: 1 })], inventory: [stock('GPU', gpus)] });

describe('the engine worker pool', () => {
  const pools: EnginePool[] = [];
  const pool = (size: number, maxQueued: number) => {
    const p = new EnginePool(size, maxQueued);
    pools.push(p);
    return p;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  it('computes in a worker thread the same forecast as the engine in this thread', async () => {
    const m = tiny('24');
    const inWorker = await pool(1, 4).run(m, { pegging: 'none' });
    const here = await computeForecast(m, { pegging: 'none' });
    expect({ ...inWorker, stats: null }).toEqual({ ...here, stats: null });
    expect(inWorker.gpuDays).toBe(3 * 8 * 9);
  }, 60_000);

  it("rebuilds the engine's validation error, with its problems, on this side", async () => {
    const bad = { ...tiny('8'), recipes: [recipe('NODE', { NOPE: '1' })] };
    const err = await pool(1, 4)
      .run(bad, {})
      .then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ModelValidationError);
    expect((err as ModelValidationError).problems.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses work past its queue with EngineBusyError, and finishes what it accepted', async () => {
    // One worker, two places in the queue: one running and two waiting are accepted, the fourth is not.
    const p = pool(1, 2);
    const accepted = [p.run(tiny('8'), {}), p.run(tiny('16'), {}), p.run(tiny('24'), {})];
    expect(p.load()).toEqual({ queued: 2, running: 1 });
    await expect(p.run(tiny('32'), {})).rejects.toBeInstanceOf(EngineBusyError);
    expect((await Promise.all(accepted)).map((f) => f.gpuDays)).toEqual([72, 144, 216]);
  }, 60_000);

  it('sends a what-if to the worker warm for its data, and other data to a worker of its own while the pool may grow', async () => {
    const p = pool(2, 4);
    const a = tiny('24');
    const b = { ...tiny('16'), horizonDays: 12 };
    await p.run(a, {});
    await p.run(b, {});
    expect(p.warmRoutes()).toEqual([routeOf(a), routeOf(b)]);
    // A what-if on a's data (adjustments do not change the route) goes back to the first worker.
    const whatIf = { ...a, adjustments: [{ kind: 'setWeeklyLimit' as const, outputSku: 'NODE', maxStartsPerWeek: 1 }] };
    expect(routeOf(whatIf)).toBe(routeOf(a));
    // b first: without routing it would take the first free worker, a's.
    const [, f] = await Promise.all([p.run(b, {}), p.run(whatIf, {})]);
    expect(f.gpuDays).toBeLessThan((await computeForecast(a, {})).gpuDays);
    expect(p.warmRoutes()).toEqual([routeOf(a), routeOf(b)]);
  }, 60_000);

  const idle = async (p: EnginePool) => {
    while (p.load().queued + p.load().running > 0) await new Promise((r) => setTimeout(r, 20));
  };

  it('primes every worker once per data for what-ifs, as background work that never holds the worker kept for people', async () => {
    const p = pool(2, 8);
    const proof = p.run(tiny('8'), {}, 'background');
    p.prime(tiny('24'), 'data 1');
    // One background job at a time in a pool of two: the proof runs, both primings wait for their own worker.
    expect(p.load()).toEqual({ queued: 2, running: 1 });
    // A person's what-if starts at once, on the worker kept free.
    const whatIf = p.run(tiny('32'), {});
    expect(p.load()).toEqual({ queued: 2, running: 2 });
    expect((await Promise.all([proof, whatIf])).map((f) => f.gpuDays)).toEqual([72, 288]);
    await idle(p);
    expect(p.primedData()).toEqual(['data 1', 'data 1']);
    // Each worker rehearsed what-ifs on its data (the tiny model has no lines: lead times only; a busy
    // machine may stop a rehearsal early, never before its first what-if).
    const rehearsed = p.rehearsals();
    for (const n of rehearsed) {
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThanOrEqual(rehearsalWhatIfs(tiny('24')).length);
    }
    // The same data again: nothing to do; new data: both again, without rehearsing a second time.
    p.prime(tiny('24'), 'data 1');
    expect(p.load()).toEqual({ queued: 0, running: 0 });
    p.prime(tiny('16'), 'data 2');
    expect(p.load().queued + p.load().running).toBe(2);
    await idle(p);
    expect(p.primedData()).toEqual(['data 2', 'data 2']);
    expect(p.rehearsals()).toEqual(rehearsed);
  }, 60_000);

  it('drops a priming, never a person’s or a background job, when the queue is full', async () => {
    const p = pool(2, 2);
    const running = p.run(tiny('8'), {}, 'background');
    p.prime(tiny('24'), 'data 1'); // two primings wait: the queue is full
    expect(p.load()).toEqual({ queued: 2, running: 1 });
    const proof = p.run(tiny('16'), {}, 'background');
    const proof2 = p.run(tiny('24'), {}, 'background');
    expect(p.load()).toEqual({ queued: 2, running: 1 });
    expect((await Promise.all([running, proof, proof2])).map((f) => f.gpuDays)).toEqual([72, 144, 216]);
    await idle(p);
    // The primings turned away are not counted as done: the next prime() queues them again.
    expect(p.primedData()).toEqual([null, null]);
    p.prime(tiny('24'), 'data 1');
    await idle(p);
    expect(p.primedData()).toEqual(['data 1', 'data 1']);
  }, 60_000);

  /** Runs jobs on `p`, recording the order they finish in by name (one worker: the order they ran in). */
  const recorder = (p: EnginePool) => {
    const finished: string[] = [];
    const submit = (name: string, gpus: string, priority: EnginePriority) => {
      const ticket = p.submit(tiny(gpus), {}, priority);
      // Settles either way (a job turned away is checked through its result).
      const done = ticket.result.then(
        (f) => {
          finished.push(name);
          return f;
        },
        () => null,
      );
      return { ...ticket, done };
    };
    return { finished, submit };
  };

  it('starts waiting interactive jobs before waiting background ones, each first come first served', async () => {
    const p = pool(1, 8);
    const { finished, submit } = recorder(p);
    const jobs = [
      submit('running', '8', 'background'),
      submit('proof 1', '16', 'background'),
      submit('proof 2', '24', 'background'),
      submit('what-if 1', '32', 'interactive'),
      submit('what-if 2', '40', 'interactive'),
    ];
    expect(p.load()).toEqual({ queued: 4, running: 1 });
    await Promise.all(jobs.map((j) => j.done));
    expect(finished).toEqual(['running', 'what-if 1', 'what-if 2', 'proof 1', 'proof 2']);
  }, 60_000);

  it('runs a background job that a person came to wait for (promoted) before the other background jobs', async () => {
    const p = pool(1, 8);
    const { finished, submit } = recorder(p);
    const jobs = [submit('running', '8', 'interactive'), submit('proof 1', '16', 'background'), submit('proof 2', '24', 'background')];
    jobs[2]!.promote();
    await Promise.all(jobs.map((j) => j.done));
    expect(finished).toEqual(['running', 'proof 2', 'proof 1']);
  }, 60_000);

  it('keeps a worker for interactive jobs when it has more than one: background jobs wait, a what-if starts at once', async () => {
    const p = pool(2, 8);
    const { submit } = recorder(p);
    const proofs = [submit('proof 1', '8', 'background'), submit('proof 2', '16', 'background'), submit('proof 3', '24', 'background')];
    expect(p.load()).toEqual({ queued: 2, running: 1 });
    const whatIf = submit('what-if', '32', 'interactive');
    expect(p.load()).toEqual({ queued: 2, running: 2 });
    expect((await Promise.all([...proofs, whatIf].map((j) => j.done))).map((f) => f?.gpuDays)).toEqual([72, 144, 216, 288]);
  }, 60_000);

  it('turns away the newest waiting background job, not an interactive one, when the queue is full', async () => {
    const p = pool(1, 2);
    const { finished, submit } = recorder(p);
    const running = submit('running', '8', 'background');
    const proof1 = submit('proof 1', '16', 'background');
    const proof2 = submit('proof 2', '24', 'background');
    // All submitted before the running job can finish: the queue holds proof 1 and proof 2 when what-if comes.
    const whatIf = submit('what-if', '32', 'interactive');
    const proof3 = submit('proof 3', '48', 'background');
    const whatIf2 = submit('what-if 2', '40', 'interactive');
    const whatIf3 = submit('what-if 3', '56', 'interactive');
    // what-if turned proof 2 away, what-if 2 proof 1; proof 3 found the queue full; what-if 3 found it full of interactive jobs.
    for (const refused of [proof2, proof1, proof3, whatIf3]) await expect(refused.result).rejects.toBeInstanceOf(EngineBusyError);
    await Promise.all([running, whatIf, whatIf2].map((j) => j.done));
    expect(finished).toEqual(['running', 'what-if', 'what-if 2']);
  }, 60_000);

  it('is the engine only where it is installed: the CLI and tests compute in their own thread', async () => {
    const locals = new Map<string, unknown>();
    expect(engineFor(locals)).toBe(computeForecast);
    const installed = installEnginePool(locals);
    pools.push(installed);
    expect(installEnginePool(locals)).toBe(installed);
    expect(engineFor(locals)).toBe(installed.run);
  });
});
