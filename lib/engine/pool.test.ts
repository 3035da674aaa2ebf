import { afterEach, describe, expect, it } from 'vitest';
import { computeForecast, ModelValidationError } from '@/lib/capacity';
import { capacity, model, part, recipe, stock } from '@/lib/capacity/testing/builders';
import { EngineBusyError, EnginePool, engineFor, installEnginePool, routeOf } from './pool';

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

  it('is the engine only where it is installed: the CLI and tests compute in their own thread', async () => {
    const locals = new Map<string, unknown>();
    expect(engineFor(locals)).toBe(computeForecast);
    const installed = installEnginePool(locals);
    pools.push(installed);
    expect(installEnginePool(locals)).toBe(installed);
    expect(engineFor(locals)).toBe(installed.run);
  });
});
