/**
 * npm run bench:forecast — the capacity engine at three model sizes, against
 * the textbook time-indexed integer program solved by HiGHS.
 *
 *   tsx bench/forecast.ts [--sizes app-demo,demo,demo@2,medium,large] [--runs 5] [--generic-limit 60] [--no-generic]
 *
 * `app-demo` is the product's own demo build-out (lib/demo via ./demo-model:
 * 47 items, 13 recipes, 375 open lines, plan start 2026-11-26), the forecast
 * every dashboard user sees first; `app-demo@YYYY-MM-DD` picks another plan start.
 *
 * `size@seed` picks another generated model of that size: demo@2 is a demo-size
 * model where the sites really compete for DGX nodes (seed 1 happens not to).
 *
 * (a) engine time per size and how it grows (cold = first forecast in the
 *     process, which pays for loading HiGHS; warm = median of the next runs);
 * (b) on app-demo, demo and medium: the generic model's time and GPU-days beside the
 *     engine's (the engine must reach the same GPU-days, or lie within the
 *     generic solver's proven bound when that one stops at its time limit);
 * (c) end-to-end HTTP timing belongs to the app and is added separately; it can
 *     reuse `generateModel` from ./generate-model.
 * Timings are for this machine and are never asserted in tests.
 */
import { computeForecast, warmUp, type CapacityModel, type Forecast } from '@/lib/capacity';
import { referenceGpuDays, type ReferenceResult } from '@/lib/capacity/testing/reference-milp';
import { demoCapacityModel } from './demo-model';
import { describeModel, generateModel, type ModelSize } from './generate-model';

interface Args {
  sizes: string[];
  runs: number;
  genericLimitSeconds: number;
  generic: boolean;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    sizes: (get('sizes') ?? 'app-demo,demo,demo@2,medium,large').split(','),
    runs: Number(get('runs') ?? 5),
    genericLimitSeconds: Number(get('generic-limit') ?? 60),
    generic: !argv.includes('--no-generic'),
  };
}

interface Row {
  size: string;
  shape: ReturnType<typeof describeModel>;
  coldMs: number;
  solveMs: number;
  fullMs: number;
  forecast: Forecast;
  generic?: ReferenceResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : fmt(n));

async function time<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
}

async function benchSize(size: string, args: Args, log: (s: string) => void): Promise<Row> {
  const [kind, seed] = size.split('@') as [ModelSize | 'app-demo', string | undefined];
  const model: CapacityModel = kind === 'app-demo' ? demoCapacityModel(seed) : generateModel(kind, Number(seed ?? 1));
  const shape = describeModel(model);
  log(`${size}: ${fmt(shape.items)} items, ${shape.recipes} recipes, ${fmt(shape.openLines)} open PO lines, ${shape.sites} sites, ${shape.horizonDays} days`);
  const [, coldMs] = await time(() => computeForecast(model, { shortages: 'none' }));
  const solve: number[] = [];
  for (let i = 0; i < args.runs; i++) solve.push((await time(() => computeForecast(model, { shortages: 'none' })))[1]);
  const full: number[] = [];
  let forecast: Forecast | null = null;
  for (let i = 0; i < args.runs; i++) {
    const [f, t] = await time(() => computeForecast(model));
    forecast = f;
    full.push(t);
  }
  const row: Row = { size, shape, coldMs, solveMs: median(solve), fullMs: median(full), forecast: forecast! };
  log(`  engine: ${ms(row.solveMs)} ms (forecast without shortages), ${ms(row.fullMs)} ms with verified shortages; ${forecast!.optimality.status}, ${forecast!.optimality.method}`);
  if (args.generic && kind !== 'large') {
    log(`  generic time-indexed MILP (limit ${args.genericLimitSeconds} s)…`);
    row.generic = await referenceGpuDays(model, args.genericLimitSeconds);
    log(`  generic: ${fmt(row.generic.millis)} ms, ${row.generic.status}, GPU-days ${fmt(row.generic.gpuDays)} (bound ${fmt(row.generic.bound)})`);
  }
  return row;
}

function agreement(row: Row): string {
  const g = row.generic;
  if (!g) return '—';
  const e = row.forecast.gpuDays;
  // HiGHS reports its objective in floating point: compare to a tenth of a GPU-day in ten million.
  const tol = 1e-8 * Math.max(1, Math.abs(e));
  if (g.status === 'optimal') return Math.abs(g.gpuDays - e) <= tol ? 'same GPU-days' : `DIFFERENT (${fmt(e - g.gpuDays)})`;
  // Stopped at its time limit with no schedule at all: only its bound can be compared.
  if (!Number.isFinite(g.gpuDays)) return Number.isFinite(g.bound) && e > g.bound + tol ? 'INCONSISTENT' : 'engine ≤ generic bound (no generic schedule)';
  if (e >= g.gpuDays - tol && e <= g.bound + tol) return `engine ≥ generic incumbent, ≤ its bound`;
  return 'INCONSISTENT';
}

function table(rows: Row[]): string {
  const head = ['size', 'items', 'recipes', 'open lines', 'days', 'engine cold ms', 'engine warm ms', 'with shortages ms', 'status (gap)', 'GPU-days', 'generic ms', 'generic status', 'generic GPU-days', 'speed-up', 'check'];
  const body = rows.map((r) => {
    const o = r.forecast.optimality;
    const g = r.generic;
    return [
      r.size,
      fmt(r.shape.items),
      String(r.shape.recipes),
      fmt(r.shape.openLines),
      String(r.shape.horizonDays),
      ms(r.coldMs),
      ms(r.solveMs),
      ms(r.fullMs),
      o.status === 'optimal' ? 'optimal' : `heuristic (≤ ${fmt(o.gapBound ?? 0)}, ${(((o.gapBound ?? 0) / Math.max(1, r.forecast.gpuDays)) * 100).toFixed(3)}%)`,
      fmt(r.forecast.gpuDays),
      g ? fmt(g.millis) : '—',
      g ? (g.status === 'optimal' ? 'optimal' : `${g.status} (bound ${fmt(g.bound)})`) : '—',
      g && Number.isFinite(g.gpuDays) ? fmt(g.gpuDays) : '—',
      g ? `${(g.millis / r.solveMs).toFixed(0)}×${g.status === 'optimal' ? '' : ' (at least)'}` : '—',
      agreement(r),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

function growth(rows: Row[]): string {
  const out: string[] = [];
  // Growth is about the generated sizes; the product's demo is not one of them.
  const generated = rows.filter((r) => !r.size.startsWith('app-demo'));
  const firstOfKind = generated.filter((r, i) => generated.findIndex((x) => x.size.split('@')[0] === r.size.split('@')[0]) === i);
  for (let i = 1; i < firstOfKind.length; i++) {
    const a = firstOfKind[i - 1]!;
    const b = firstOfKind[i]!;
    const work = (r: Row) => r.shape.openLines + r.shape.items * r.shape.horizonDays;
    out.push(
      `${a.size} → ${b.size}: model ×${(work(b) / work(a)).toFixed(1)} (open lines + items × days), engine warm time ×${(b.solveMs / a.solveMs).toFixed(1)}`,
    );
  }
  for (const r of rows) {
    const s = r.forecast.stats;
    out.push(
      `${r.size}: core left for the integer program ${s.coreRecipes} recipes, ${fmt(s.coreVariables)} variables, ${fmt(s.coreRows)} rows; last run ${ms(s.millis.solve)} ms solve (${ms(s.millis.milp)} in HiGHS), ${ms(s.millis.explain)} ms explanations, ${ms(s.millis.shortages)} ms shortages`,
    );
  }
  return out.join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const rows: Row[] = [];
  const [, warmMs] = await time(() => warmUp());
  log(`HiGHS loaded and warmed up in ${ms(warmMs)} ms (what a server pays once at start-up)`);
  for (const size of args.sizes) rows.push(await benchSize(size, args, log));
  process.stdout.write(`\nClearBuild capacity engine benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version})\n\n`);
  process.stdout.write(`${table(rows)}\n\n${growth(rows)}\n`);
  const bad = rows.filter((r) => ['DIFFERENT', 'INCONSISTENT'].some((w) => agreement(r).startsWith(w)));
  if (bad.length > 0) {
    process.stdout.write(`\nMISMATCH on ${bad.map((r) => r.size).join(', ')}\n`);
    process.exitCode = 1;
  }
}

await main();
