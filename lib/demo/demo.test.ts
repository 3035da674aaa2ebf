import { describe, expect, it } from 'vitest';
import { addDays, parseDay } from './calendar';
import { buildDemoData, demoToCsv, mondayOnOrBefore, DEMO_CSV_COLUMNS, DEMO_CSV_KINDS, DEMO_STORY, type DemoData } from './index';

const ANCHOR = '2026-01-05'; // a Monday
const HORIZON = 364;
const QUARTER = 91;

// ---------------------------------------------------------------------------
// A deliberately simple greedy simulator, independent of lib/capacity: every
// day, in bottom-up order, start as many builds of each recipe as components,
// the weekly limit and a kanban cap allow. The cap (a few weeks of the
// consumers' weekly limits, on hand plus in flight) stops one site's
// intermediate builds from hoarding pooled parts the other site needs, as an
// optimiser would. It is a sanity check on the story, not the forecast.
// ---------------------------------------------------------------------------

interface SimRecipe {
  output: string;
  outputQty: number;
  lead: number;
  maxPerWeek: number;
  components: { sku: string; qty: number }[];
  kanbanCap: number;
}

interface SimResult {
  gpusOnline: number[];
  /** Snapshot of unused stock (on hand, not in flight) at the end of each day. */
  stockOn: (day: number, sku: string) => number;
}

const EPS = 1e-9;

function num(text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(n)) throw new Error(`not a number: ${text}`);
  return n;
}

function recipesBottomUp(data: DemoData): SimRecipe[] {
  const comps = new Map<string, { sku: string; qty: number }[]>();
  for (const b of data.bom) {
    const list = comps.get(b.output_sku!) ?? [];
    list.push({ sku: b.component_sku!, qty: num(b.qty_per_build) });
    comps.set(b.output_sku!, list);
  }
  const raw = data.recipes.map((r) => ({
    output: r.output_sku!,
    outputQty: num(r.output_qty),
    lead: num(r.lead_time_days),
    maxPerWeek: r.max_starts_per_week ? num(r.max_starts_per_week) : Infinity,
    components: comps.get(r.output_sku!) ?? [],
  }));
  const byOutput = new Map(raw.map((r) => [r.output, r]));
  const ordered: typeof raw = [];
  const seen = new Set<string>();
  const visit = (sku: string) => {
    const r = byOutput.get(sku);
    if (!r || seen.has(sku)) return;
    seen.add(sku);
    for (const c of r.components) visit(c.sku);
    ordered.push(r);
  };
  for (const r of raw) visit(r.output);
  return ordered.map((r) => {
    let perWeek = 0;
    for (const consumer of raw) {
      const use = consumer.components.find((c) => c.sku === r.output);
      if (use) perWeek += use.qty * consumer.maxPerWeek;
    }
    const weeks = Math.ceil((r.lead + 7) / 7);
    return { ...r, kanbanCap: perWeek === 0 ? Infinity : perWeek * weeks };
  });
}

function simulate(data: DemoData, anchor: string, relax: readonly string[] = []): SimResult {
  const start = parseDay(anchor);
  const recipes = recipesBottomUp(data);
  const gpusPer = new Map(data.items.map((i) => [i.sku!, i.gpus_online_per_unit ? num(i.gpus_online_per_unit) : 0]));
  // supplies[day]: stock that becomes usable that day; landings[day]: the part of it that was in flight
  const supplies: Map<string, number>[] = Array.from({ length: HORIZON }, () => new Map());
  const landings: Map<string, number>[] = Array.from({ length: HORIZON }, () => new Map());
  const add = (m: Map<string, number>, sku: string, qty: number) => m.set(sku, (m.get(sku) ?? 0) + qty);
  for (const s of data.inventory) add(supplies[0]!, s.sku!, num(s.on_hand));
  for (const po of data['purchase-orders']) {
    if (po.status !== 'open') continue;
    const day = Math.max(0, parseDay(po.promised_date!) - start);
    if (day < HORIZON) add(supplies[day]!, po.sku!, num(po.qty));
  }
  for (const sku of relax) add(supplies[0]!, sku, 1e12);

  const avail = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const startsThisWeek = new Map<string, number>();
  const gpusOnline: number[] = [];
  const snapshots: Map<string, number>[] = [];
  let online = 0;
  for (let day = 0; day < HORIZON; day++) {
    if (day % 7 === 0) startsThisWeek.clear(); // the anchor is a Monday
    for (const [sku, qty] of supplies[day]!) {
      add(avail, sku, qty);
      online += qty * (gpusPer.get(sku) ?? 0);
    }
    for (const [sku, qty] of landings[day]!) add(inFlight, sku, -qty);
    for (const r of recipes) {
      let n = r.maxPerWeek - (startsThisWeek.get(r.output) ?? 0);
      for (const c of r.components) n = Math.min(n, Math.floor((avail.get(c.sku) ?? 0) / c.qty + EPS));
      const pipeline = (avail.get(r.output) ?? 0) + (inFlight.get(r.output) ?? 0);
      n = Math.min(n, Math.floor((r.kanbanCap - pipeline) / r.outputQty + EPS));
      if (day + r.lead >= HORIZON) n = 0; // would land after the horizon: worth nothing
      if (n <= 0) continue;
      for (const c of r.components) add(avail, c.sku, -n * c.qty);
      add(startsThisWeek, r.output, n);
      const out = n * r.outputQty;
      if (r.lead === 0) {
        add(avail, r.output, out);
        online += out * (gpusPer.get(r.output) ?? 0);
      } else {
        add(inFlight, r.output, out);
        add(supplies[day + r.lead]!, r.output, out);
        add(landings[day + r.lead]!, r.output, out);
      }
    }
    gpusOnline.push(online);
    snapshots.push(new Map(avail));
  }
  return { gpusOnline, stockOn: (day, sku) => snapshots[day]?.get(sku) ?? 0 };
}

/** SKUs bought rather than built: the candidates for "what gates the ramp". */
function purchasedSkus(data: DemoData): string[] {
  const built = new Set(data.recipes.map((r) => r.output_sku));
  return data.items.map((i) => i.sku!).filter((sku) => !built.has(sku));
}

/**
 * The gate of each quarter: the purchased SKU whose unlimited supply from day 0
 * would add the most GPU-days within that quarter.
 */
function gatesByQuarter(data: DemoData, anchor: string, base: SimResult) {
  const quarters = Array.from({ length: HORIZON / QUARTER }, (_, q) => ({ q, sku: '', gain: 0 }));
  for (const sku of purchasedSkus(data)) {
    const relaxed = simulate(data, anchor, [sku]).gpusOnline;
    for (const quarter of quarters) {
      let gain = 0;
      for (let d = quarter.q * QUARTER; d < (quarter.q + 1) * QUARTER; d++) gain += relaxed[d]! - base.gpusOnline[d]!;
      if (gain > quarter.gain) Object.assign(quarter, { sku, gain });
    }
  }
  return quarters;
}

function targetsVsForecast(data: DemoData, anchor: string, base: SimResult) {
  return data.targets.map((t) => {
    const day = parseDay(t.date!) - parseDay(anchor);
    return { date: t.date!, day, target: num(t.gpus_online), forecast: base.gpusOnline[day] ?? NaN };
  });
}

const data = buildDemoData(ANCHOR);
const base = simulate(data, ANCHOR);

// ---------------------------------------------------------------------------
// Helpers for the data checks
// ---------------------------------------------------------------------------

const CATEGORIES = new Set(['gpu', 'compute', 'network', 'rack', 'power', 'cooling', 'facility', 'other']);
const CONTINUOUS_UNITS = new Set(['m', 'm3', 'kW', 'L']);
const STATUSES = new Set(['open', 'received', 'cancelled']);

/** A minimal RFC 4180 reader, enough to read back what demoToCsv wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const itemsBySku = new Map(data.items.map((i) => [i.sku!, i]));
const recipeOutputs = new Set(data.recipes.map((r) => r.output_sku!));
const componentsOf = (sku: string) => data.bom.filter((b) => b.output_sku === sku).map((b) => b.component_sku!);
const usersOf = (sku: string) => data.bom.filter((b) => b.component_sku === sku).map((b) => b.output_sku!);

/** Depths at which a SKU sits below the capacity items (1 = direct component of a node online). */
function depthsOf(sku: string): Set<number> {
  const depths = new Set<number>();
  const walk = (node: string, depth: number) => {
    for (const c of componentsOf(node)) {
      if (c === sku) depths.add(depth);
      walk(c, depth + 1);
    }
  };
  for (const i of data.items) if (num(i.gpus_online_per_unit) > 0) walk(i.sku!, 1);
  return depths;
}

function isUnique(keys: string[]): boolean {
  return new Set(keys).size === keys.length;
}

// ---------------------------------------------------------------------------
// The data set
// ---------------------------------------------------------------------------

describe('buildDemoData: shape and sizes', () => {
  it('gives every canonical file kind exactly its canonical columns, as text', () => {
    for (const kind of DEMO_CSV_KINDS) {
      expect(data[kind].length, kind).toBeGreaterThan(0);
      for (const row of data[kind]) {
        expect(Object.keys(row).sort(), kind).toEqual([...DEMO_CSV_COLUMNS[kind]].sort());
        for (const v of Object.values(row)) expect(typeof v).toBe('string');
      }
    }
  });

  it('has the sizes of a realistic build-out', () => {
    expect(data.items.length).toBeGreaterThanOrEqual(40);
    expect(data.items.length).toBeLessThanOrEqual(80);
    expect(data.recipes.length).toBeGreaterThanOrEqual(10);
    expect(data.recipes.length).toBeLessThanOrEqual(25);
    expect(data['purchase-orders'].length).toBeGreaterThanOrEqual(150);
    expect(data.suppliers.length).toBeGreaterThanOrEqual(8);
    expect(data.sites.length).toBeGreaterThanOrEqual(2);
    expect(data.targets.length).toBeGreaterThanOrEqual(12);
  });

  it('keys every file kind uniquely, as a re-import would', () => {
    expect(isUnique(data.items.map((r) => r.sku!))).toBe(true);
    expect(isUnique(data.recipes.map((r) => r.output_sku!))).toBe(true);
    expect(isUnique(data.bom.map((r) => `${r.output_sku}|${r.component_sku}`))).toBe(true);
    expect(isUnique(data.inventory.map((r) => `${r.sku}|${r.location}`))).toBe(true);
    expect(isUnique(data['purchase-orders'].map((r) => `${r.supplier}|${r.po_number}|${r.line}`))).toBe(true);
    expect(isUnique(data.targets.map((r) => r.date!))).toBe(true);
    expect(isUnique(data.sites.map((s) => s.code))).toBe(true);
    expect(isUnique(data.suppliers.map((s) => s.code))).toBe(true);
  });
});

describe('buildDemoData: items, recipes and BOM', () => {
  it('uses only the design categories, known sites and non-negative GPU counts', () => {
    const sites = new Set(data.sites.map((s) => s.code));
    for (const item of data.items) {
      expect(CATEGORIES.has(item.category!), item.sku).toBe(true);
      expect(item.unit, item.sku).not.toBe('');
      if (item.site) expect(sites.has(item.site), item.sku).toBe(true);
      expect(num(item.gpus_online_per_unit)).toBeGreaterThanOrEqual(0);
    }
    for (const site of sites) expect(data.items.some((i) => i.site === site)).toBe(true);
  });

  it('references only SKUs that exist, everywhere', () => {
    const refs = [
      ...data.recipes.map((r) => r.output_sku!),
      ...data.bom.flatMap((b) => [b.output_sku!, b.component_sku!]),
      ...data.inventory.map((r) => r.sku!),
      ...data['purchase-orders'].map((r) => r.sku!),
    ];
    for (const sku of refs) expect(itemsBySku.has(sku), sku).toBe(true);
  });

  it('gives every recipe components and every BOM line a recipe', () => {
    for (const r of data.recipes) expect(componentsOf(r.output_sku!).length, r.output_sku).toBeGreaterThan(0);
    for (const b of data.bom) expect(recipeOutputs.has(b.output_sku!), b.output_sku).toBe(true);
  });

  it('has no cycles in the BOM', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (sku: string, path: string[]) => {
      if (state.get(sku) === 'done') return;
      if (state.get(sku) === 'visiting') throw new Error(`BOM cycle: ${[...path, sku].join(' → ')}`);
      state.set(sku, 'visiting');
      for (const c of componentsOf(sku)) visit(c, [...path, sku]);
      state.set(sku, 'done');
    };
    for (const r of data.recipes) expect(() => visit(r.output_sku!, [])).not.toThrow();
  });

  it('produces capacity items per site by a recipe and never consumes them', () => {
    const capacity = data.items.filter((i) => num(i.gpus_online_per_unit) > 0);
    expect(new Set(capacity.map((i) => i.site)).size).toBe(data.sites.length);
    for (const item of capacity) {
      expect(item.site, item.sku).not.toBe('');
      expect(recipeOutputs.has(item.sku!), item.sku).toBe(true);
      expect(usersOf(item.sku!), item.sku).toEqual([]);
    }
  });

  it('keeps site-bound resources at their own site and pools the parts', () => {
    for (const b of data.bom) {
      const component = itemsBySku.get(b.component_sku!)!;
      const output = itemsBySku.get(b.output_sku!)!;
      if (component.site) expect(output.site, `${b.output_sku} uses ${b.component_sku}`).toBe(component.site);
    }
    for (const sku of ['A100-SXM4-80G', 'HGX-A100-8GPU-BB', 'DGX-A100', 'QM8700-HDR-40P', 'MCP1650-H002-HDR-DAC', 'PIPE-DN100-M']) {
      expect(itemsBySku.get(sku)?.site, sku).toBe('');
    }
    for (const category of ['facility']) {
      for (const item of data.items.filter((i) => i.category === category)) expect(item.site, item.sku).not.toBe('');
    }
  });

  it('makes the two sites compete for pooled switches, cables, pipe and DGX nodes', () => {
    for (const sku of ['DGX-A100', 'QM8700-HDR-40P', 'MCP1650-H002-HDR-DAC', 'PIPE-DN100-M']) {
      const sites = new Set(usersOf(sku).map((o) => itemsBySku.get(o)!.site));
      expect(sites.size, sku).toBeGreaterThanOrEqual(2);
    }
  });

  it('uses HDR cables in both the rack build and the SU cabling, and DN100 pipe at two BOM levels', () => {
    const dacUsers = new Set(usersOf('MCP1650-H002-HDR-DAC').map((o) => o.replace(/-[A-Z0-9]+$/, '')));
    expect(dacUsers).toEqual(new Set(['RACK-READY', 'FABRIC-SU']));
    expect(depthsOf('PIPE-DN100-M').size).toBeGreaterThanOrEqual(2);
  });

  it('builds a DGX A100 from 8 GPUs, a baseboard and a tray, with a plausible weekly line limit', () => {
    const dgx = data.bom.filter((b) => b.output_sku === 'DGX-A100');
    const qty = (sku: string) => dgx.find((b) => b.component_sku === sku)?.qty_per_build;
    expect(qty('A100-SXM4-80G')).toBe('8');
    expect(qty('HGX-A100-8GPU-BB')).toBe('1');
    expect(qty('DGX-A100-TRAY-4U')).toBe('1');
    const recipe = data.recipes.find((r) => r.output_sku === 'DGX-A100')!;
    expect(num(recipe.lead_time_days)).toBe(14);
    expect(num(recipe.max_starts_per_week)).toBeGreaterThanOrEqual(100);
    expect(num(recipe.max_starts_per_week)).toBeLessThanOrEqual(200);
  });

  it('writes recipe and BOM quantities as decimals where the unit is continuous', () => {
    for (const r of data.recipes) {
      expect(num(r.output_qty)).toBeGreaterThan(0);
      expect(Number.isInteger(num(r.lead_time_days)) && num(r.lead_time_days) >= 0).toBe(true);
      if (r.max_starts_per_week !== '') expect(Number.isInteger(num(r.max_starts_per_week))).toBe(true);
    }
    for (const b of data.bom) expect(num(b.qty_per_build)).toBeGreaterThan(0);
    const pipe = data.bom.find((b) => b.output_sku === 'RACK-READY-PHX1' && b.component_sku === 'PIPE-DN100-M');
    expect(pipe?.qty_per_build).toBe('12.5');
    expect(data.bom.find((b) => b.output_sku === 'NODE-ONLINE-DSM2' && b.component_sku === 'RACK-READY-DSM2')?.qty_per_build).toBe('0.25');
  });
});

describe('buildDemoData: inventory, purchase orders and targets', () => {
  const anchorDay = parseDay(ANCHOR);
  const pos = data['purchase-orders'];

  it('holds whole counts and decimal continuous quantities, all positive', () => {
    const check = (sku: string, text: string) => {
      const q = num(text);
      expect(q, sku).toBeGreaterThan(0);
      if (!CONTINUOUS_UNITS.has(itemsBySku.get(sku)!.unit!)) expect(Number.isInteger(q), `${sku} ${text}`).toBe(true);
    };
    for (const s of data.inventory) check(s.sku!, s.on_hand!);
    for (const p of pos) check(p.sku!, p.qty!);
    expect(pos.some((p) => p.qty!.includes('.'))).toBe(true);
  });

  it('stocks several locations at plan start', () => {
    expect(new Set(data.inventory.map((s) => s.location)).size).toBeGreaterThanOrEqual(4);
  });

  it('orders from at least 8 suppliers, all of them listed', () => {
    const codes = new Set(data.suppliers.map((s) => s.code));
    const used = new Set(pos.map((p) => p.supplier!));
    expect(used.size).toBeGreaterThanOrEqual(8);
    for (const code of used) expect(codes.has(code), code).toBe(true);
    for (const code of ['NVIDIA', 'VERTIV', 'FERGUSON', 'CEMEX']) expect(used.has(code), code).toBe(true);
  });

  it('dates every line validly and spreads open lines over the year', () => {
    const days = pos.map((p) => parseDay(p.promised_date!) - anchorDay);
    const open = pos.filter((p) => p.status === 'open').map((p) => parseDay(p.promised_date!) - anchorDay);
    expect(Math.max(...open)).toBeGreaterThan(330);
    for (let q = 0; q < 4; q++) expect(open.filter((d) => d >= q * QUARTER && d < (q + 1) * QUARTER).length).toBeGreaterThan(20);
    expect(Math.min(...days)).toBeGreaterThan(-120);
  });

  it('has received, cancelled and past-due lines, received ones only before the anchor', () => {
    for (const p of pos) expect(STATUSES.has(p.status!), p.status).toBe(true);
    const pastDue = pos.filter((p) => p.status === 'open' && p.promised_date! < ANCHOR);
    const received = pos.filter((p) => p.status === 'received');
    expect(pastDue.length).toBeGreaterThanOrEqual(3);
    expect(received.length).toBeGreaterThanOrEqual(5);
    expect(pos.filter((p) => p.status === 'cancelled').length).toBeGreaterThanOrEqual(3);
    for (const p of received) expect(p.promised_date! < ANCHOR, `${p.po_number}/${p.line}`).toBe(true);
  });

  it('numbers PO lines 1..n within each PO, one supplier per PO', () => {
    const byPo = new Map<string, typeof pos>();
    for (const p of pos) byPo.set(p.po_number!, [...(byPo.get(p.po_number!) ?? []), p]);
    for (const [po, lines] of byPo) {
      expect(new Set(lines.map((l) => l.supplier)).size, po).toBe(1);
      expect(lines.map((l) => num(l.line)).sort((a, b) => a - b)).toEqual(lines.map((_, i) => i + 1));
    }
  });

  it('ships GPUs in lots of 400 to 2,000', () => {
    const lots = pos.filter((p) => p.sku === 'A100-SXM4-80G').map((p) => num(p.qty));
    expect(lots.length).toBeGreaterThanOrEqual(10);
    for (const q of lots) {
      expect(q).toBeGreaterThanOrEqual(400);
      expect(q).toBeLessThanOrEqual(2000);
    }
  });

  it('sets a rising target into the tens of thousands within the year', () => {
    const days = data.targets.map((t) => parseDay(t.date!) - anchorDay);
    const gpus = data.targets.map((t) => num(t.gpus_online));
    for (let i = 1; i < days.length; i++) {
      expect(days[i]).toBeGreaterThan(days[i - 1]!);
      expect(gpus[i]).toBeGreaterThanOrEqual(gpus[i - 1]!);
    }
    expect(days[0]).toBeGreaterThan(0);
    expect(days.at(-1)).toBeLessThan(HORIZON);
    expect(gpus.at(-1)).toBeGreaterThanOrEqual(20_000);
    expect(gpus.at(-1)).toBeLessThanOrEqual(30_000);
  });
});

describe('buildDemoData: anchor and determinism', () => {
  it('gives identical data for the same anchor', () => {
    expect(buildDemoData(ANCHOR)).toEqual(data);
    expect(demoToCsv(buildDemoData(ANCHOR))).toEqual(demoToCsv(data));
  });

  it('moves only the dates, by the same number of days, for a later anchor', () => {
    const later = buildDemoData('2026-03-02'); // 56 days on
    const shift = (date: string) => addDays(date, 56);
    expect(later.items).toEqual(data.items);
    expect(later.bom).toEqual(data.bom);
    expect(later['purchase-orders']).toEqual(data['purchase-orders'].map((p) => ({ ...p, promised_date: shift(p.promised_date!) })));
    expect(later.targets).toEqual(data.targets.map((t) => ({ ...t, date: shift(t.date!) })));
  });

  it('finds the Monday on or before any date, for callers picking an anchor', () => {
    expect(mondayOnOrBefore('2026-01-05')).toBe('2026-01-05');
    expect(mondayOnOrBefore('2026-01-04')).toBe('2025-12-29'); // a Sunday
    expect(mondayOnOrBefore('2026-01-10')).toBe('2026-01-05');
  });

  it('refuses an anchor that is not a real Monday date', () => {
    expect(() => buildDemoData('2026-01-06')).toThrow(/Monday/);
    expect(() => buildDemoData('2026-02-30')).toThrow(/calendar date/);
    expect(() => buildDemoData('5 Jan 2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('demoToCsv', () => {
  const csv = demoToCsv(data);

  it('writes the canonical header, then one line per row, for every kind', () => {
    for (const kind of DEMO_CSV_KINDS) {
      const rows = parseCsv(csv[kind]);
      expect(rows[0], kind).toEqual([...DEMO_CSV_COLUMNS[kind]]);
      expect(rows.length - 1, kind).toBe(data[kind].length);
    }
  });

  it('quotes cells with commas and quotes so they read back unchanged', () => {
    expect(csv.items).toContain('"Rack PDU, 3-phase 415 V, 60 A, switched"');
    for (const kind of DEMO_CSV_KINDS) {
      const [header, ...rows] = parseCsv(csv[kind]);
      const back = rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
      expect(back, kind).toEqual(data[kind]);
    }
    const tricky = { ...data, targets: [{ date: ANCHOR, gpus_online: 'say "hi",\nthere' }] };
    const [, row] = parseCsv(demoToCsv(tricky).targets);
    expect(row).toEqual([ANCHOR, 'say "hi",\nthere']);
  });
});

// ---------------------------------------------------------------------------
// The story, checked with the greedy simulator
// ---------------------------------------------------------------------------

describe('the demo story (greedy simulation)', () => {
  const vsTarget = targetsVsForecast(data, ANCHOR, base);

  it('never lets GPUs online go down and brings well over 10,000 online within the year', () => {
    for (let d = 1; d < HORIZON; d++) expect(base.gpusOnline[d]).toBeGreaterThanOrEqual(base.gpusOnline[d - 1]!);
    expect(base.gpusOnline.findIndex((g) => g >= 10_000)).toBeGreaterThan(0);
    expect(base.gpusOnline.at(-1)).toBeGreaterThanOrEqual(20_000);
  });

  it('is gated by concrete, then pipe, then InfiniBand switches, then GPUs, quarter by quarter', () => {
    const gates = gatesByQuarter(data, ANCHOR, base).map((g) => g.sku);
    expect(gates).toEqual(['CONCRETE-M3-DSM2', 'PIPE-DN100-M', 'QM8700-HDR-40P', 'A100-SXM4-80G']);
    expect(new Set(gates).size).toBe(4);
  });

  it('falls short of the target while each gate binds and catches up in between', () => {
    const short = vsTarget.map((v, i) => (v.forecast < v.target ? i + 1 : null)).filter((p) => p !== null);
    expect(short).toEqual([2, 3, 4, 5, 8, 9, 10, 12, 13]);
  });

  it('idles thousands of GPUs while the pipe is late', () => {
    const day = 17 * 7 + 6; // end of week 17
    const idle = base.stockOn(day, 'A100-SXM4-80G') + 8 * base.stockOn(day, 'DGX-A100');
    expect(idle).toBeGreaterThanOrEqual(5_000);
    expect(base.stockOn(day, 'PIPE-DN100-M')).toBeLessThan(12.5);
  });

  it('names, for each gated phase, a real PO line of the gating SKU', () => {
    const gated = DEMO_STORY.filter((p) => p.gateSku);
    expect(gated.map((p) => p.gateSku)).toEqual(['CONCRETE-M3-DSM2', 'PIPE-DN100-M', 'QM8700-HDR-40P', 'A100-SXM4-80G']);
    for (const phase of gated) {
      const ref = phase.keyLine!;
      const line = data['purchase-orders'].find(
        (p) => p.supplier === ref.supplier && p.po_number === ref.poNumber && p.line === ref.line,
      );
      expect(line?.sku, phase.title).toBe(phase.gateSku);
      expect(line?.status, phase.title).toBe('open');
    }
    for (let i = 1; i < DEMO_STORY.length; i++) expect(DEMO_STORY[i]!.fromWeek).toBeGreaterThan(DEMO_STORY[i - 1]!.toWeek);
  });

  it('stalls on switches in the third quarter with built nodes waiting', () => {
    const day = 30 * 7 + 6;
    expect(base.stockOn(day, 'QM8700-HDR-40P')).toBeLessThan(12);
    expect(base.stockOn(day, 'DGX-A100')).toBeGreaterThanOrEqual(200);
  });
});
