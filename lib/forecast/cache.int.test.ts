import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { computeForecast, type CapacityModel, type ForecastOptions } from '@/lib/capacity';
import { installEngineQueue, type EnginePriority } from '@/lib/engine/pool';
import { capacity, model, part, recipe, stock } from '@/lib/capacity/testing/builders';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { runImport } from '@/lib/imports/run-import';
import { ENGINE_REVISION } from '@/lib/capacity/revision';
import { cachedForecast, forecastKey, forecastKeyOfVersion, inputVersionOf, isComputing, storedForecast, type ForecastCacheHost } from './cache';
import { fetchLastDataChange } from './data-as-of';
import { loadForecastInput } from './run-forecast';

// Two "app servers" on one database: each has its own process state (locals) and
// shares only the database, as two processes behind a load balancer would.
function tinyModel(gpusOnHand: string) {
  return model({
    horizonDays: 10,
    items: [part('GPU'), capacity('NODE', 8, 'S1')],
    recipes: [recipe('NODE', { GPU: '8' }, { lead: 1 })],
    inventory: [stock('GPU', gpusOnHand)],
  });
}

/** An engine pool that only records what it was given, at which priority, and answers when told to. */
function recordingPool() {
  const jobs: { model: CapacityModel; options: ForecastOptions; priority: EnginePriority; answer: () => void }[] = [];
  const submit = (model: CapacityModel, options: ForecastOptions, priority: EnginePriority = 'interactive') => {
    let answer = () => undefined as void;
    const result = new Promise<Awaited<ReturnType<typeof computeForecast>>>((resolve, reject) => {
      answer = () => void computeForecast(model, options).then(resolve, reject);
    });
    const job = { model, options, priority, answer };
    jobs.push(job);
    return { result, promote: () => void (job.priority = 'interactive') };
  };
  return { jobs, submit, run: (m: CapacityModel, o: ForecastOptions, p?: EnginePriority) => submit(m, o, p).result, load: () => ({ queued: jobs.length, running: 0 }) };
}

for (const kind of testDatabaseKinds()) {
  describe(`the forecast cache in the database on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    let serverA: ForecastCacheHost;
    let serverB: ForecastCacheHost;
    beforeAll(async () => {
      env = await kind.create();
      serverA = { prisma: env.db.prisma, locals: new Map() };
      serverB = { prisma: env.db.prisma, locals: new Map() };
    });
    afterAll(async () => env?.dispose());

    it('serves on one server the forecast another computed, without computing it again', async () => {
      const m = tinyModel('16');
      const key = forecastKey(m, {});
      expect(await storedForecast(serverB, key)).toBeNull();
      const computed = await cachedForecast(serverA, m, {});
      expect(computed.gpuDays).toBe(8 * 2 * 9);
      const onB = await storedForecast(serverB, key);
      expect(onB?.forecast).toEqual(computed);
      expect(onB?.computedAt).toBeInstanceOf(Date);
      // Another input is another key: nothing stale is served.
      expect(await storedForecast(serverB, forecastKey(tinyModel('24'), {}))).toBeNull();
    });

    it('answers a what-if before its store lands, and the store still lands for the other servers', async () => {
      const m = tinyModel('17');
      const key = forecastKey(m, { tier: 'quick' });
      const first = cachedForecast(serverA, m, { tier: 'quick' }, key, 'interactive', 'answer-first');
      const joined = cachedForecast(serverA, m, { tier: 'quick' });
      const answer = await first;
      // Whoever joined it waits for the store; after that, the other server reads the same answer.
      expect(await joined).toEqual(answer);
      expect((await storedForecast(serverB, key))?.forecast).toEqual(answer);
      // The process remembers it at once: asked again, the same answer with no computation.
      expect(await cachedForecast(serverA, m, { tier: 'quick' }, key, 'interactive', 'answer-first')).toEqual(answer);
      expect(isComputing(serverA, key)).toBe(false);
    });

    it('shares one computation between identical requests in flight on one server', async () => {
      const m = tinyModel('32');
      const first = cachedForecast(serverA, m, {});
      expect(isComputing(serverA, forecastKey(m, {}))).toBe(true);
      expect(isComputing(serverB, forecastKey(m, {}))).toBe(false);
      const [a, b] = await Promise.all([first, cachedForecast(serverA, m, {})]);
      expect(b).toBe(a);
      expect(isComputing(serverA, forecastKey(m, {}))).toBe(false);
    });

    it('starts background computations at background priority and promotes one a person comes to wait for', async () => {
      const server: ForecastCacheHost = { prisma: env.db.prisma, locals: new Map() };
      const pool = installEngineQueue(server.locals, recordingPool());
      // Joined after the engine job started: the job itself is promoted.
      const m = tinyModel('40');
      const proof = cachedForecast(server, m, {}, forecastKey(m, {}), 'background');
      await vi.waitFor(() => expect(pool.jobs).toHaveLength(1));
      expect(pool.jobs[0]!.priority).toBe('background');
      const asked = cachedForecast(server, m, {});
      expect(pool.jobs[0]!.priority).toBe('interactive');
      pool.jobs[0]!.answer();
      expect(await asked).toBe(await proof);
      // Joined before the engine job started (the store was still being read): it starts interactive.
      const m2 = tinyModel('48');
      const proof2 = cachedForecast(server, m2, {}, forecastKey(m2, {}), 'background');
      const asked2 = cachedForecast(server, m2, {}, forecastKey(m2, {}), 'interactive');
      await vi.waitFor(() => expect(pool.jobs).toHaveLength(2));
      expect(pool.jobs[1]!.priority).toBe('interactive');
      pool.jobs[1]!.answer();
      expect(await asked2).toBe(await proof2);
      // PO-line values are background unless the caller says otherwise; another background ask promotes nothing.
      const m3 = tinyModel('56');
      const values = cachedForecast(server, m3, { lineValues: true });
      await vi.waitFor(() => expect(pool.jobs).toHaveLength(3));
      void cachedForecast(server, m3, { lineValues: true }, forecastKey(m3, { lineValues: true }), 'background');
      expect(pool.jobs[2]!.priority).toBe('background');
      pool.jobs[2]!.answer();
      expect((await values).poLineValues).toBeDefined();
      expect(pool.jobs).toHaveLength(3);
    });

    it('says which input a served forecast came from, and keys the tier apart from it', async () => {
      const m = tinyModel('24');
      const quick = await cachedForecast(serverA, m, { tier: 'quick' });
      const proven = await cachedForecast(serverA, m, { tier: 'proven' });
      expect(quick.inputVersion).toMatch(/^[0-9a-f]{64}$/);
      expect(proven.inputVersion).toBe(quick.inputVersion);
      expect([quick.optimality.tier, proven.optimality.tier]).toEqual(['quick', 'proven']);
      expect(forecastKey(m, { tier: 'quick' })).not.toBe(forecastKey(m, { tier: 'proven' }));
      expect(forecastKey(m, { tier: 'quick' }).startsWith(`${quick.inputVersion}.`)).toBe(true);
      expect(forecastKey(tinyModel('32'), { tier: 'quick' }).startsWith(`${quick.inputVersion}.`)).toBe(false);
    });

    it('never serves what another engine revision stored for the same input and options', async () => {
      const m = tinyModel('48');
      const version = inputVersionOf(m);
      const current = await cachedForecast(serverA, m, { tier: 'quick' });
      expect(forecastKey(m, { tier: 'quick' })).toBe(forecastKeyOfVersion(version, { tier: 'quick' }, ENGINE_REVISION));
      // The previous engine's document under its own key: the same input version, never this engine's key.
      const older = forecastKeyOfVersion(version, { tier: 'quick' }, 'an earlier revision');
      expect(older.startsWith(`${version}.`)).toBe(true);
      expect(older).not.toBe(forecastKey(m, { tier: 'quick' }));
      await env.db.prisma.forecastResult.create({ data: { key: older, document: JSON.stringify({ ...current, gpuDays: -1 }), computeMs: 1 } });
      const fresh: ForecastCacheHost = { prisma: env.db.prisma, locals: new Map() };
      expect((await cachedForecast(fresh, m, { tier: 'quick' })).gpuDays).toBe(current.gpuDays);
      expect((await storedForecast(fresh, older))?.forecast.gpuDays).toBe(-1);
    });

    it('keeps only the newest 32 forecasts in the database', async () => {
      for (let gpus = 40; gpus < 40 + 8 * 36; gpus += 8) await cachedForecast(serverA, tinyModel(String(gpus)), {});
      const [row] = await env.db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "ForecastResult"`);
      expect(row?.n).toBe(32);
    });

    it('names the last change to the forecast input: the file imported and by whom', async () => {
      expect(await fetchLastDataChange(env.db.prisma)).toBeNull();
      await runImport(env.db, {
        kind: 'items',
        source: new TextEncoder().encode('sku,name,category,unit,site,gpus_online_per_unit\nGPU-X,GPU,gpu,ea,,0\n'),
        filename: 'first-items.csv',
        actor: 'procurement@example.test',
      });
      expect(await fetchLastDataChange(env.db.prisma)).toMatchObject({ what: 'first-items.csv imported', actor: 'procurement@example.test' });
    });

    it('an import preview compares the quick tier on both sides, reading the committed data’s quick forecast once per data version', async () => {
      // Data of its own (after the test above): a node from GPUs, a target, so the forecast has something to say.
      const enc = (t: string) => new TextEncoder().encode(t);
      await runImport(env.db, { kind: 'items', source: enc('sku,name,category,unit,site,gpus_online_per_unit\nGPU,GPU,gpu,ea,,0\nNODE,Node,compute,ea,S1,8\n'), filename: 'i.csv', actor: 't' });
      await runImport(env.db, { kind: 'recipes', source: enc('output_sku,output_qty,lead_time_days,max_starts_per_week\nNODE,1,2,\n'), filename: 'r.csv', actor: 't' });
      await runImport(env.db, { kind: 'bom', source: enc('output_sku,component_sku,qty_per_build\nNODE,GPU,8\n'), filename: 'b.csv', actor: 't' });
      await runImport(env.db, { kind: 'inventory', source: enc('sku,location,on_hand\nGPU,WH,64\n'), filename: 'v.csv', actor: 't' });
      const keys = async () => (await env.db.prisma.$queryRawUnsafe<{ key: string }[]>(`SELECT key FROM "ForecastResult" ORDER BY key`)).map((r) => r.key);
      const preview = (csv: string) =>
        runImport({ ...env.db, locals: new Map() }, { kind: 'inventory', source: enc(csv), filename: 'p.csv', actor: 't', dryRun: true, forecast: true });
      // 64 more GPUs on hand: 8 more nodes from day 2, so the file adds GPU-days.
      const first = await preview('sku,location,on_hand\nGPU,WH,128\n');
      expect(Number(first.forecast!.after.gpuDays)).toBeGreaterThan(Number(first.forecast!.before.gpuDays));
      // The committed data's quick forecast was stored once; a second preview of the same data reads it.
      const stored = await keys();
      const second = await preview('sku,location,on_hand\nGPU,WH,128\n');
      expect(await keys()).toEqual(stored);
      expect(second.forecast).toEqual(first.forecast);
      // And it is the quick tier's answer for the committed data, as a change set's preview compares with.
      const quick = await loadForecastInput(env.db.prisma, { tier: 'quick' }, { shortages: 'none', pegging: 'none' });
      expect(first.forecast!.before.gpuDays).toBe(String((await cachedForecast(serverB, quick.model, quick.options, quick.key)).gpuDays));
    });
  });
}
