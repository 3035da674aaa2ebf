/**
 * npm run bench:whatif — what-ifs on the product's demo build-out (47 items,
 * 13 recipes, 375 open lines, 365 days), the way executives ask them.
 *
 *   tsx bench/whatif.ts [--count 200] [--seed 1] [--cold 200] [--new-workers 5] [--queue 2] [--generic 10]
 *                       [--generic-nodes 1000] [--generic-iterations 200000] [--generic-limit 30] [--generic-cutoff 120]
 *
 * (a) warm: `count` seeded random what-ifs (a supplier or a line delayed or
 *     pulled in, a line cancelled or scaled, a weekly limit or a lead time
 *     changed), each answered at the quick tier by one engine in this process
 *     readied as the app readies each worker thread on its first priming
 *     (lib/capacity/rehearse.ts: 120 what-ifs of another seed answered, the
 *     first solving the base, so the code is compiled), and so holding the base data's
 *     solved LP (lib/capacity/warm-start.ts: the
 *     LP starts from the base's basis, or is skipped when the base's LP prices
 *     already prove the 0.5 % gap, dual-bound.ts): p50 and p95 wall-clock, the same in CPU
 *     time (what a busy machine does not inflate), how many came back proven
 *     optimal, and the largest proven gap of the others;
 * (b) cold: the first `cold` of them, each by an engine that has never seen
 *     this data (its warm state forgotten first: it solves the base LP from
 *     scratch, then the what-if), in a thread whose code and HiGHS are loaded —
 *     a worker already started; median. Separately, `new-workers` of them each
 *     in a brand-new worker thread (start the thread, load the code through tsx
 *     and HiGHS, then answer cold), median;
 * (c) the generic time-indexed HiGHS integer program (lib/capacity/testing/
 *     reference-milp.ts) on the first `generic` what-ifs, time and GPU-days
 *     beside the engine's. Its work limit: `generic-nodes` branch-and-bound
 *     nodes and `generic-iterations` simplex iterations, plus HiGHS's own time
 *     limit (`generic-limit` s). HiGHS 1.15 in wasm overran that time limit by
 *     minutes on the demo (it is checked only between phases of the root), so
 *     each runs in a worker thread of its own that the benchmark stops at
 *     `generic-cutoff` s, a wall-clock safety net the table reports as such;
 *     this is the benchmark only, never the engine;
 * (d) priorities: one worker (a 2-core server's pool), `queue` proven forecasts of
 *     what-ifs started in the background (the proofs that upgrade quick answers),
 *     then a quick what-if: how long a person waits for it as an interactive job
 *     (at most the one proof running) and as it waited before priorities (behind
 *     every proof).
 *
 * Last line, exactly: `whatif p50 X ms p95 Y ms cold-median Z ms optimal N/200 max-gap G%`.
 * Timings are for this machine and are never asserted in tests.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { computeForecast, rehearse, REHEARSAL_BUDGET_MS, REHEARSAL_SEED, REHEARSAL_WHAT_IFS, warmUp, type Adjustment, type CapacityModel, type Forecast, type ForecastOptions } from '@/lib/capacity';
import { applyAdjustments } from '@/lib/capacity/adjustments';
import { formatDate, parseDate } from '@/lib/capacity/dates';
import type { ReferenceResult, ReferenceWork } from '@/lib/capacity/testing/reference-milp';
import { forgetWarmStarts } from '@/lib/capacity/warm-start';
import { EnginePool, type EnginePriority } from '@/lib/engine/pool';
import { WHATIF_PARAMS } from '@/lib/forecast/dashboard-options';
import { sampleWhatIfs } from '@/lib/capacity/sample-what-ifs';
import { demoCapacityModel } from './demo-model';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('count', 200);
const SEED = arg('seed', 1);
const COLD = arg('cold', 200);
const NEW_WORKERS = arg('new-workers', 5);
const GENERIC = arg('generic', 10);
const GENERIC_LIMIT_S = arg('generic-limit', 30);
const GENERIC_WORK: ReferenceWork = { maxNodes: arg('generic-nodes', 1000), maxIterations: arg('generic-iterations', 200_000) };
const GENERIC_CUTOFF_S = arg('generic-cutoff', 120);
const QUEUE = arg('queue', 2);

/** What a what-if returns at once, as `GET /api/forecast?tier=quick` asks: the quick tier (expedite plans estimated, not re-run), no pegging. */
const WHATIF: ForecastOptions = { tier: 'quick', pegging: 'none' };

/** The scenario written out as plain data (the generic program takes no adjustments). */
function materialize(model: CapacityModel): CapacityModel {
  const s = applyAdjustments(model);
  const start = parseDate(model.planStart)!;
  return {
    ...model,
    adjustments: [],
    recipes: s.recipes,
    inventory: s.inventory,
    poLines: s.lines.map((l) => {
      const line = { supplier: l.supplier, poNumber: l.poNumber, lineNo: l.lineNo, sku: l.sku, qty: l.qty, promisedDate: l.promisedDate, status: l.status };
      if (!l.delayDays) return line;
      const promised = Math.max(parseDate(l.promisedDate)!, start);
      return { ...line, promisedDate: formatDate(Math.max(start, promised + l.delayDays)) };
    }),
  };
}

/** The generic program in a worker thread of its own, stopped at the wall-clock safety net (null then). */
function genericInWorker(model: CapacityModel): Promise<{ result: ReferenceResult | null; millis: number }> {
  const t0 = performance.now();
  const entry = [process.cwd(), 'bench', 'generic-entry.mjs'].join(path.sep);
  const worker = new Worker(entry, { workerData: { model, timeLimitSeconds: GENERIC_LIMIT_S, work: GENERIC_WORK } });
  return new Promise((resolve, reject) => {
    const cutoff = setTimeout(() => {
      void worker.terminate();
      resolve({ result: null, millis: performance.now() - t0 });
    }, GENERIC_CUTOFF_S * 1000);
    worker.once('message', (result: ReferenceResult) => {
      clearTimeout(cutoff);
      void worker.terminate();
      resolve({ result, millis: performance.now() - t0 });
    });
    worker.once('error', (err) => {
      clearTimeout(cutoff);
      reject(err);
    });
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'));
const log = (s: string) => process.stderr.write(`${s}\n`);

async function main() {
  const base = demoCapacityModel();
  const whatIfs = sampleWhatIfs(base, COUNT, SEED);
  const scenario = (a: Adjustment): CapacityModel => ({ ...base, adjustments: [a] });

  await warmUp();
  // The engine warm, as a worker is once primed (lib/engine/pool.ts): the base data solved, the code compiled.
  // All of it: the app's 4 s budget guards large models, and a fixed warm-up keeps runs comparable.
  const rehearsed = await rehearse(base, REHEARSAL_WHAT_IFS, Infinity);
  log(`demo build-out: ${base.items.length} items, ${base.recipes.length} recipes, ${base.poLines.length} open lines, ${base.horizonDays} days; ${COUNT} what-ifs (seed ${SEED})`);
  log(`warm-up: ${rehearsed} what-ifs rehearsed (seed ${REHEARSAL_SEED}), as a worker does when first primed (there, none started after ${REHEARSAL_BUDGET_MS / 1000} s)`);
  log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`);

  const times: number[] = [];
  const cpu: number[] = [];
  // What the tables below need of each answer, not the answer: a worker drops each answer once sent, so the
  // benchmark does not keep 200 forecasts (up to 0.7 MB of JSON each) alive for the collector either.
  const answers: { gpuDays: number; optimality: { status: Forecast['optimality']['status']; gapPercent?: number } }[] = [];
  const byKind = new Map<string, { wall: number[]; cpu: number[]; cold: number[] }>();
  const kindOf = (kind: string) => {
    let k = byKind.get(kind);
    if (!k) byKind.set(kind, (k = { wall: [], cpu: [], cold: [] }));
    return k;
  };
  for (const a of whatIfs) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const f = await computeForecast(scenario(a), WHATIF);
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    times.push(t);
    cpu.push((c.user + c.system) / 1000);
    answers.push({ gpuDays: f.gpuDays, optimality: { status: f.optimality.status, ...(f.optimality.status === 'heuristic' ? { gapPercent: f.optimality.gapPercent } : {}) } });
    kindOf(a.kind).wall.push(t);
    kindOf(a.kind).cpu.push((c.user + c.system) / 1000);
  }
  const optimal = answers.filter((f) => f.optimality.status === 'optimal').length;
  const maxGap = Math.max(0, ...answers.map((f) => f.optimality.gapPercent ?? 0));
  const within = answers.filter((f) => (f.optimality.gapPercent ?? 0) <= 0.5).length;
  log(`warm, quick tier: p50 ${ms(pct(times, 50))} ms, p95 ${ms(pct(times, 95))} ms, max ${ms(Math.max(...times))} ms (CPU time p50 ${ms(pct(cpu, 50))} ms, p95 ${ms(pct(cpu, 95))} ms)`);
  log(`proven optimal ${optimal}/${COUNT}; proven gap ≤ 0.5 % on ${within}/${COUNT}; largest proven gap ${maxGap.toFixed(3)} %`);

  // The same what-ifs again as the dashboard asks them (no expedite plans); each what-if's second answer here.
  const asked: number[] = [];
  for (const a of whatIfs) {
    const t0 = performance.now();
    await computeForecast(scenario(a), { ...WHATIF, shortages: WHATIF_PARAMS.shortages });
    asked.push(performance.now() - t0);
  }
  log(`the same, as the dashboard asks (shortages=${WHATIF_PARAMS.shortages}, after the pass above): p50 ${ms(pct(asked, 50))} ms, p95 ${ms(pct(asked, 95))} ms`);

  const cold: number[] = [];
  for (const a of whatIfs.slice(0, COLD)) {
    forgetWarmStarts();
    const t0 = performance.now();
    await computeForecast(scenario(a), WHATIF);
    const t = performance.now() - t0;
    cold.push(t);
    kindOf(a.kind).cold.push(t);
  }
  const coldMedian = cold.length > 0 ? pct(cold, 50) : NaN;
  log(`cold (an engine that has not seen this data, in a started worker; ${cold.length} what-ifs): median ${ms(coldMedian)} ms, p95 ${ms(cold.length > 0 ? pct(cold, 95) : NaN)} ms`);
  log('| what-if kind | count | warm p50 ms | warm p95 ms | warm CPU p95 ms | cold median ms |');
  log('|---|---|---|---|---|---|');
  for (const [kind, k] of [...byKind].sort())
    log(`| ${kind} | ${k.wall.length} | ${ms(pct(k.wall, 50))} | ${ms(pct(k.wall, 95))} | ${ms(pct(k.cpu, 95))} | ${k.cold.length > 0 ? ms(pct(k.cold, 50)) : '—'} |`);

  const fresh: number[] = [];
  for (const a of whatIfs.slice(0, NEW_WORKERS)) {
    const pool = new EnginePool(1, 1);
    const t0 = performance.now();
    await pool.run(scenario(a), WHATIF);
    fresh.push(performance.now() - t0);
    await pool.close();
  }
  if (fresh.length > 0) log(`a brand-new worker thread each (start it, load the code and HiGHS, answer cold; ${fresh.length} what-ifs): median ${ms(pct(fresh, 50))} ms`);

  if (QUEUE > 0) {
    const wait = async (workers: number, priority: EnginePriority) => {
      const pool = new EnginePool(workers, QUEUE + 1);
      // Every worker started and warm for the data, as on a server that has answered a few what-ifs.
      await Promise.all(Array.from({ length: workers }, () => pool.run(base, WHATIF)));
      const proofs = whatIfs.slice(0, QUEUE).map((a) => pool.run(scenario(a), { tier: 'proven', pegging: 'none' }, 'background'));
      const t0 = performance.now();
      await pool.run(scenario(whatIfs[QUEUE]!), WHATIF, priority);
      const t = performance.now() - t0;
      await Promise.all(proofs);
      await pool.close();
      return t;
    };
    log(`${QUEUE} proofs started in the background, then a quick what-if: how long a person waits for it`);
    log(`  one worker, first come first served (before priorities): ${ms(await wait(1, 'background'))} ms`);
    log(`  one worker, interactive first (waits for the proof running): ${ms(await wait(1, 'interactive'))} ms`);
    log(`  two workers, one kept for interactive jobs (the default pool on 2 cores): ${ms(await wait(2, 'interactive'))} ms`);
  }

  if (GENERIC > 0) {
    log(
      `generic time-indexed HiGHS integer program on ${GENERIC} what-ifs (work limit ${GENERIC_WORK.maxNodes} nodes, ${GENERIC_WORK.maxIterations} simplex iterations; HiGHS time limit ${GENERIC_LIMIT_S} s; safety net ${GENERIC_CUTOFF_S} s):`,
    );
    log('| what-if | engine quick ms (CPU) | engine GPU-days (gap) | generic ms | generic status | generic GPU-days | generic bound |');
    log('|---|---|---|---|---|---|---|');
    const fmt = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
    for (let i = 0; i < Math.min(GENERIC, whatIfs.length); i++) {
      const a = whatIfs[i]!;
      const { result: g, millis } = await genericInWorker(materialize(scenario(a)));
      const f = answers[i]!;
      const gap = f.optimality.status === 'optimal' ? 'optimal' : `≤ ${f.optimality.gapPercent} %`;
      const label = JSON.stringify(a).replace(/"/g, '');
      const status = g ? (g.status === 'failed' ? 'no schedule found' : g.status) : `stopped by the ${GENERIC_CUTOFF_S} s safety net, no schedule`;
      log(`| ${label} | ${ms(times[i]!)} (${ms(cpu[i]!)}) | ${fmt(f.gpuDays)} (${gap}) | ${ms(millis)} | ${status} | ${fmt(g?.gpuDays)} | ${fmt(g?.bound)} |`);
    }
  }
  console.log(`whatif p50 ${ms(pct(times, 50))} ms p95 ${ms(pct(times, 95))} ms cold-median ${ms(coldMedian)} ms optimal ${optimal}/${COUNT} max-gap ${maxGap.toFixed(2)}%`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
