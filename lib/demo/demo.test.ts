import { describe, expect, it } from 'vitest';
import { addDays, parseDay } from './calendar';
import { buildDemoData, demoToCsv, mondayOnOrBefore, DEMO_CSV_COLUMNS, DEMO_CSV_KINDS } from './index';

const ANCHOR = '2026-01-05'; // a Monday
const HORIZON = 364;
const QUARTER = 91;

const data = buildDemoData(ANCHOR);

function num(text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(n)) throw new Error(`not a number: ${text}`);
  return n;
}

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

  it('gives every received line, and only those, a received date on or after its promise and before the anchor, some late', () => {
    for (const p of pos) {
      if (p.status !== 'received') expect(p.received_date, `${p.po_number}/${p.line}`).toBe('');
      else {
        expect(p.received_date! >= p.promised_date! && p.received_date! < ANCHOR, `${p.po_number}/${p.line}`).toBe(true);
      }
    }
    const received = pos.filter((p) => p.status === 'received');
    const late = received.filter((p) => p.received_date! > p.promised_date!);
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(late.length).toBeLessThan(received.length);
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
    expect(later['purchase-orders']).toEqual(
      data['purchase-orders'].map((p) => ({ ...p, promised_date: shift(p.promised_date!), received_date: p.received_date ? shift(p.received_date) : '' })),
    );
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
