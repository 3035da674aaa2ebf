import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Forecast } from '@/lib/capacity';

const BIN = path.resolve('bin/clearbuild.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearbuild-forecast-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const env: NodeJS.ProcessEnv = { ...process.env, CLEARBUILD_DATA_DIR: path.join(tmp, 'data') };
delete env.DATABASE_URL;

function clearbuild(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A model small enough to schedule by hand. Plan start 2027-01-01 (day 0), 10 days.
// 16 GPUs and 25 m of pipe on hand make 2 nodes (started day 0, ready day 2), brought
// online day 2 → day 3 (16 GPUs). 8 more GPUs and 12.5 m arrive on day 3: a node
// started day 3 is ready day 5 and online day 6 (24 GPUs). The received line adds nothing.
// GPU-days = 3 days × 16 + 4 days × 24 = 144.
const FILES = {
  items: `sku,name,category,unit,site,gpus_online_per_unit
GPU,A100 GPU,gpu,ea,,0
NODE,DGX node,compute,ea,,0
PIPE,DN100 pipe,cooling,m,,0
ONLINE-S1,Node online at S1,compute,ea,S1,8
`,
  recipes: `output_sku,output_qty,lead_time_days,max_starts_per_week
NODE,1,2,10
ONLINE-S1,1,1,
`,
  bom: `output_sku,component_sku,qty_per_build
NODE,GPU,8
ONLINE-S1,NODE,1
ONLINE-S1,PIPE,12.5
`,
  inventory: `sku,location,on_hand
GPU,WH-1,16
PIPE,SITE-S1,25
`,
  'purchase-orders': `supplier,po_number,line,sku,qty,promised_date,status
NV,PO-1,1,GPU,8,2027-01-04,open
NV,PO-1,2,GPU,800,2027-01-02,received
PIPECO,PO-7,1,PIPE,12.5,2027-01-04,
`,
  targets: `date,gpus_online
2027-01-05,24
`,
} as const;

describe('forecast through the CLI on canonical CSVs imported into a fresh data folder', () => {
  // Setup, not a test: every test below reads this data folder, and each can run alone.
  beforeAll(() => {
    for (const [kind, text] of Object.entries(FILES)) {
      const file = path.join(tmp, `${kind}.csv`);
      fs.writeFileSync(file, text);
      const r = clearbuild('import', kind, file);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('prints the hand-computed optimal forecast as JSON and nothing else', () => {
    const r = clearbuild('forecast', '--plan-start', '2027-01-01', '--horizon-days', '10', '--json');
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout) as Forecast;
    expect(f.planStart).toBe('2027-01-01');
    expect(f.horizonDays).toBe(10);
    expect(f.gpuDays).toBe(144);
    expect(f.optimality.status).toBe('optimal');
    expect(f.series).toHaveLength(10);
    expect(f.series.map((p) => p.gpusOnline)).toEqual([0, 0, 0, 16, 16, 16, 24, 24, 24, 24]);
    expect(f.series[9]?.bySite).toEqual({ S1: 24 });
    const online = f.builds.filter((b) => b.sku === 'ONLINE-S1').map((b) => [b.startDate, b.quantity, b.availableDate]);
    expect(online).toEqual([
      ['2027-01-03', 2, '2027-01-04'],
      ['2027-01-06', 1, '2027-01-07'],
    ]);
    const target = f.milestones.find((m) => m.kind === 'target');
    expect(target).toMatchObject({ gpusOnline: 24, targetDate: '2027-01-05', met: false, date: '2027-01-07' });
    expect(f.shortages.map((s) => s.targetDate)).toEqual(['2027-01-05']);
  });

  it('prints a readable table without --json', () => {
    const r = clearbuild('forecast', '--plan-start', '2027-01-01', '--horizon-days', '10');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('24 GPUs online by 2027-01-10');
    expect(r.stdout).toMatch(/2027-01-05\s+24\s+16\s+MISSED/);
    // The proven tier (the CLI's default) verifies its expedite plan; the quick tier says its plan is an estimate.
    expect(r.stdout).toContain('Expedite plan for 2027-01-05 (verified)');
    const quick = clearbuild('forecast', '--plan-start', '2027-01-01', '--horizon-days', '10', '--tier', 'quick');
    expect(quick.stdout).toContain('Expedite plan for 2027-01-05 (NOT verified): an estimate, not yet verified');
  });

  it('runs a saved what-if: the pipe line slipping three days brings the third node online later', () => {
    const file = path.join(tmp, 'slip.json');
    fs.writeFileSync(file, JSON.stringify([{ kind: 'delayLine', supplier: 'PIPECO', poNumber: 'PO-7', lineNo: 1, days: 3 }]));
    const saved = clearbuild('scenario', 'save', 'pipe slips', file, '--plan-start', '2027-01-01', '--horizon-days', '10');
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    const r = clearbuild('forecast', '--scenario', 'pipe slips', '--json');
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout) as Forecast;
    // The pipe lands on day 6 instead of 3: the third node goes online on day 7, not 6 (8 GPUs × 1 day less).
    expect(f.series.map((p) => p.gpusOnline)).toEqual([0, 0, 0, 16, 16, 16, 16, 24, 24, 24]);
    expect(f.gpuDays).toBe(136);
    expect(clearbuild('scenario', 'list').stdout).toContain('pipe slips\t1 adjustment(s)');
  });

  it('refuses a what-if naming a PO line that does not exist, naming it', () => {
    const file = path.join(tmp, 'bad.json');
    fs.writeFileSync(file, JSON.stringify([{ kind: 'cancelLine', supplier: 'NV', poNumber: 'PO-404', lineNo: 1 }]));
    const r = clearbuild('scenario', 'save', 'bad', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NV/PO-404/1');
  });

  it('refuses a stock what-if for a supplier that does not exist, and names a bad adjustment by its place in the file', () => {
    const file = path.join(tmp, 'bad-stock.json');
    fs.writeFileSync(file, JSON.stringify([{ kind: 'acceptSupplierStock', supplier: 'NOBODY' }]));
    const unknown = clearbuild('scenario', 'save', 'bad stock', file);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('#1 acceptSupplierStock: supplier "NOBODY" is not a known supplier');
    fs.writeFileSync(file, JSON.stringify([{ kind: 'acceptSupplierStock', supplier: 'PIPECO' }, { kind: 'setStock', sku: 'NOPE', location: 'PHX1', onHand: '1' }]));
    const bad = clearbuild('scenario', 'save', 'bad stock', file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('#2 setStock: item NOPE is not a known item');
  });

  it('returns the proven tier unless asked for the quick one, pegging only when asked for, and says which input it came from', () => {
    const proven = JSON.parse(clearbuild('forecast', '--json').stdout) as Forecast;
    const quick = JSON.parse(clearbuild('forecast', '--json', '--tier', 'quick').stdout) as Forecast;
    expect([proven.optimality.tier, quick.optimality.tier]).toEqual(['proven', 'quick']);
    expect(quick.inputVersion).toBe(proven.inputVersion);
    expect(proven.pegging).toEqual([]);
    expect(proven.peggingSummary.included).toBe(false);
    const pegged = JSON.parse(clearbuild('forecast', '--json', '--include', 'pegging').stdout) as Forecast;
    expect(pegged.pegging.length).toBe(pegged.peggingSummary.batches);
    expect(pegged.pegging.length).toBeGreaterThan(0);
    expect(pegged.poLineValues).toBeUndefined();
    const valued = JSON.parse(clearbuild('forecast', '--json', '--tier', 'quick', '--include', 'pegging,line-values').stdout) as Forecast;
    expect(valued.pegging.length).toBe(valued.peggingSummary.batches);
    expect(valued.poLineValues!.length).toBeGreaterThan(0);
    expect(valued.poLineValuesNote).toContain('open lines exact');
    const badInclude = clearbuild('forecast', '--include', 'everything');
    expect(badInclude.code).toBe(1);
    expect(badInclude.stderr).toContain('--include: can only be pegging or lineValues');
    const bad = clearbuild('forecast', '--tier', 'fast');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--tier: must be quick or proven');
  });

  it('refuses an impossible plan start with exit code 1, and an unknown flag with 2', () => {
    const bad = clearbuild('forecast', '--plan-start', '2027-02-30');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--plan-start');
    expect(clearbuild('forecast', '--horizon').code).toBe(2);
    expect(clearbuild('forecast', '--scenario', 'nope').code).toBe(1);
  });
});
