import os from 'node:os';
import type { IngestFloor, UpsertFloor } from './floors';
import type { GeneratedCsv } from './generate-csv';
import type { PipelineRun } from './pipeline';

/** Issue 5's targets: printed beside the figures, never asserted. */
export const TARGET_RATIO = 1.3;
export const TARGET_RSS_MB = 500;

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  postgres: string;
  /** 1-minute load average when the run started: on a shared machine, the figures' noise. */
  loadAtStart: number;
  /** Server settings that move these figures most. */
  settings: Record<string, string>;
}

/** One round: (b) then (c), each a first import and an unchanged re-import. */
export interface Round {
  b1: UpsertFloor;
  b2: UpsertFloor;
  c1: PipelineRun;
  c2: PipelineRun;
}

export interface Results {
  csv: GeneratedCsv & { ms: number };
  ingest: IngestFloor;
  natural: { first: UpsertFloor; again: UpsertFloor };
  rounds: Round[];
  /** Why (c) stopped, if it did. */
  error?: string;
  checks: { ok: boolean; what: string }[];
}

export function median(values: number[]): number {
  const v = [...values].sort((x, y) => x - y);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number | undefined) => (n === undefined ? '—' : `${int(n)} ms`);
const perSecond = (rows: number, t: number | undefined) => (t === undefined ? '—' : `${int((rows * 1000) / t)}`);
const ratio = (c: number | undefined, floor: number) => (c === undefined ? '—' : `${(c / floor).toFixed(2)}×`);
const mark = (ok: boolean | undefined) => (ok === undefined ? 'not run' : ok ? 'PASS' : 'MISS');

export function printReport(machine: Machine, r: Results): void {
  const lines = r.csv.lines;
  const out = (s = '') => console.log(s);
  const rounds = r.rounds;
  const med = (pick: (x: Round) => number) => (rounds.length ? median(rounds.map(pick)) : undefined);
  const b1 = med((x) => x.b1.ms);
  const b2 = med((x) => x.b2.ms);
  const c1 = med((x) => x.c1.ms);
  const c2 = med((x) => x.c2.ms);
  const first = med((x) => x.c1.ms / x.b1.ms);
  const again = med((x) => x.c2.ms / x.b2.ms);
  const peakRss = rounds.length ? Math.max(...rounds.flatMap((x) => [x.c1.maxRssMb, x.c2.maxRssMb])) : undefined;
  const openedRss = rounds.length ? Math.max(...rounds.flatMap((x) => [x.c1.openedRssMb, x.c2.openedRssMb])) : undefined;

  out(`\n## bench:import — ${int(lines)} purchase-order lines (${(r.csv.bytes / 1e6).toFixed(1)} MB, ${int(r.csv.purchaseOrders)} POs)\n`);
  out(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb.toFixed(1)} GB RAM; Node ${machine.node}; ${machine.postgres}`);
  out(`Load average (1 min): ${machine.loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end — other work on this machine makes every figure noisier.`);
  out(`PostgreSQL settings: ${Object.entries(machine.settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  out(`CSV generated in ${ms(r.csv.ms)} (not part of any figure below).\n`);

  out(`Each round runs (b) and then (c), both imports each; times are the median of ${rounds.length} round${rounds.length === 1 ? '' : 's'}.\n`);
  out('| step | first import | lines/s | unchanged re-import | lines/s | peak RSS |');
  out('| --- | ---: | ---: | ---: | ---: | ---: |');
  out(`| (a) ingest floor: COPY into a bare table | ${ms(r.ingest.ms)} | ${perSecond(lines, r.ingest.ms)} | — | — | — |`);
  out(`| (b) upsert floor: COPY to staging + INSERT … ON CONFLICT | ${ms(b1)} | ${perSecond(lines, b1)} | ${ms(b2)} | ${perSecond(lines, b2)} | — |`);
  const n = r.natural;
  out(`| (b′) natural-key floor: one table, the real indexes, no parents or foreign keys | ${ms(n.first.ms)} | ${perSecond(lines, n.first.ms)} | ${ms(n.again.ms)} | ${perSecond(lines, n.again.ms)} | — |`);
  out(`| (c) ClearBuild pipeline (runImport, own process) | ${ms(c1)} | ${perSecond(lines, c1)} | ${ms(c2)} | ${perSecond(lines, c2)} | ${peakRss === undefined ? '—' : `${int(peakRss)} MB`} |`);

  out('\n| round | (b) first | (c) first | (c)/(b) | (b) unchanged | (c) unchanged | (c)/(b) |');
  out('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  rounds.forEach((x, i) => out(`| ${i + 1} | ${ms(x.b1.ms)} | ${ms(x.c1.ms)} | ${ratio(x.c1.ms, x.b1.ms)} | ${ms(x.b2.ms)} | ${ms(x.c2.ms)} | ${ratio(x.c2.ms, x.b2.ms)} |`));

  const phases = (b: UpsertFloor) => `COPY to staging ${ms(b.phases.copy)}, suppliers + POs ${ms(b.phases.parents)}, lines ${ms(b.phases.lines)}`;
  if (rounds[0]) out(`\n(b), round 1: first import: ${phases(rounds[0].b1)}; re-import: ${phases(rounds[0].b2)}.`);
  out('\n| measure | first import | unchanged re-import | target |');
  out('| --- | ---: | ---: | --- |');
  const held = (x: number | undefined) => (x === undefined ? 'not run' : `${x.toFixed(2)}× ${mark(x <= TARGET_RATIO)}`);
  out(`| (c) / (b), median of the rounds' ratios | ${held(first)} | ${held(again)} | ≤ ${TARGET_RATIO}× |`);
  out(`| (c) / (b′), medians | ${held(c1 === undefined ? undefined : c1 / n.first.ms)} | ${held(c2 === undefined ? undefined : c2 / n.again.ms)} | ≤ ${TARGET_RATIO}× (the literal reading) |`);
  out(`| (c) / (a), medians | ${ratio(c1, r.ingest.ms)} | ${ratio(c2, r.ingest.ms)} | (reported) |`);
  out(`| (b) / (a), medians | ${ratio(b1, r.ingest.ms)} | ${ratio(b2, r.ingest.ms)} | (reported) |`);
  out(`| (c) peak RSS, any import | ${peakRss === undefined ? '—' : `${int(peakRss)} MB`} ${mark(peakRss === undefined ? undefined : peakRss <= TARGET_RSS_MB)} | | ≤ ${TARGET_RSS_MB} MB |`);
  if (openedRss !== undefined) out(`\n(c) peak RSS is the whole import process's; ${int(openedRss)} MB of it was reached before runImport started (Node, tsx, openDatabase).`);

  if (r.error) out(`\n(c) did not complete: ${r.error}`);
  out('\nChecks:');
  for (const c of r.checks) out(`- ${c.ok ? 'ok' : 'FAILED'}: ${c.what}`);
}
