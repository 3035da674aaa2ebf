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

export interface Results {
  csv: GeneratedCsv & { ms: number };
  ingest: IngestFloor;
  upsert: { first: UpsertFloor; again: UpsertFloor };
  natural: { first: UpsertFloor; again: UpsertFloor };
  pipeline: { first?: PipelineRun; again?: PipelineRun; error?: string };
  checks: { ok: boolean; what: string }[];
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number | undefined) => (n === undefined ? '—' : `${int(n)} ms`);
const perSecond = (rows: number, t: number | undefined) => (t === undefined ? '—' : `${int((rows * 1000) / t)}`);
const ratio = (c: number | undefined, floor: number) => (c === undefined ? '—' : `${(c / floor).toFixed(2)}×`);
const mark = (ok: boolean | undefined) => (ok === undefined ? 'not run' : ok ? 'PASS' : 'MISS');

export function printReport(machine: Machine, r: Results): void {
  const { first: b1, again: b2 } = r.upsert;
  const { first: c1, again: c2 } = r.pipeline;
  const lines = r.csv.lines;
  const peakRss = c1 || c2 ? Math.max(c1?.maxRssMb ?? 0, c2?.maxRssMb ?? 0) : undefined;
  const openedRss = c1 || c2 ? Math.max(c1?.openedRssMb ?? 0, c2?.openedRssMb ?? 0) : undefined;
  const out = (s = '') => console.log(s);

  out(`\n## bench:import — ${int(lines)} purchase-order lines (${(r.csv.bytes / 1e6).toFixed(1)} MB, ${int(r.csv.purchaseOrders)} POs)\n`);
  out(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb.toFixed(1)} GB RAM; Node ${machine.node}; ${machine.postgres}`);
  out(`Load average (1 min): ${machine.loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end — other work on this machine makes every figure noisier.`);
  out(`PostgreSQL settings: ${Object.entries(machine.settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  out(`CSV generated in ${ms(r.csv.ms)} (not part of any figure below).\n`);

  out('| step | first import | lines/s | unchanged re-import | lines/s | peak RSS (first / re-import) |');
  out('| --- | ---: | ---: | ---: | ---: | ---: |');
  out(`| (a) ingest floor: COPY into a bare table | ${ms(r.ingest.ms)} | ${perSecond(lines, r.ingest.ms)} | — | — | — |`);
  out(`| (b) upsert floor: COPY to staging + INSERT … ON CONFLICT | ${ms(b1.ms)} | ${perSecond(lines, b1.ms)} | ${ms(b2.ms)} | ${perSecond(lines, b2.ms)} | — |`);
  const n = r.natural;
  out(`| (b′) natural-key floor: one table, the real indexes, no parents or foreign keys | ${ms(n.first.ms)} | ${perSecond(lines, n.first.ms)} | ${ms(n.again.ms)} | ${perSecond(lines, n.again.ms)} | — |`);
  out(
    `| (c) ClearBuild pipeline (runImport, own process) | ${ms(c1?.ms)} | ${perSecond(lines, c1?.ms)} | ${ms(c2?.ms)} | ${perSecond(lines, c2?.ms)} | ` +
      `${c1 ? int(c1.maxRssMb) : '—'} / ${c2 ? int(c2.maxRssMb) : '—'} MB |`,
  );

  const phases = (b: UpsertFloor) => `COPY to staging ${ms(b.phases.copy)}, suppliers + POs ${ms(b.phases.parents)}, lines ${ms(b.phases.lines)}`;
  out(`\n(b) first import: ${phases(b1)}; re-import: ${phases(b2)}.`);
  out('\n| measure | first import | unchanged re-import | target |');
  out('| --- | ---: | ---: | --- |');
  const within = (c: PipelineRun | undefined, b: UpsertFloor) => (c ? c.ms / b.ms <= TARGET_RATIO : undefined);
  out(`| (c) / (b) | ${ratio(c1?.ms, b1.ms)} ${mark(within(c1, b1))} | ${ratio(c2?.ms, b2.ms)} ${mark(within(c2, b2))} | ≤ ${TARGET_RATIO}× |`);
  out(`| (c) / (b′) | ${ratio(c1?.ms, n.first.ms)} ${mark(within(c1, n.first))} | ${ratio(c2?.ms, n.again.ms)} ${mark(within(c2, n.again))} | ≤ ${TARGET_RATIO}× (the literal reading) |`);
  out(`| (c) / (a) | ${ratio(c1?.ms, r.ingest.ms)} | ${ratio(c2?.ms, r.ingest.ms)} | (reported) |`);
  out(`| (b) / (a) | ${ratio(b1.ms, r.ingest.ms)} | ${ratio(b2.ms, r.ingest.ms)} | (reported) |`);
  out(`| (c) peak RSS, either import | ${peakRss === undefined ? '—' : `${int(peakRss)} MB`} ${mark(peakRss === undefined ? undefined : peakRss <= TARGET_RSS_MB)} | | ≤ ${TARGET_RSS_MB} MB |`);
  if (openedRss !== undefined) out(`\n(c) peak RSS is the whole import process's; ${int(openedRss)} MB of it was reached before runImport started (Node, tsx, openDatabase).`);

  if (r.pipeline.error) out(`\n(c) did not complete: ${r.pipeline.error}`);
  out('\nChecks:');
  for (const c of r.checks) out(`- ${c.ok ? 'ok' : 'FAILED'}: ${c.what}`);
}
