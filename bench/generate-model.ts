import type { CapacityItem, CapacityModel, CapacityRecipe, InventoryRow, PoLine, Target } from '@/lib/capacity';
import { mulberry32 } from '@/lib/demo/prng';

/**
 * Synthetic build-out models for the benchmark (and for anyone timing the
 * forecast end to end). Shaped like the real thing: pooled GPUs become DGX
 * nodes on a shared integration line; each site turns DGX into server racks,
 * ready racks and finally GPUs online, with its own rack positions, power,
 * cooling pipe (12.5 m a loop) and crews; cables are used at two BOM levels;
 * GPUs are scarce, so the sites compete for them. Deterministic per seed.
 */
export type ModelSize = 'demo' | 'medium' | 'large';

export interface SizeSpec {
  sites: number;
  /** Site sub-assemblies beyond the five core recipes of every site. */
  extraAssemblies: number;
  pooledParts: number;
  sitePartsPerSite: number;
  openLines: number;
  horizonDays: number;
}

export const SIZES: Record<ModelSize, SizeSpec> = {
  demo: { sites: 3, extraAssemblies: 1, pooledParts: 14, sitePartsPerSite: 9, openLines: 500, horizonDays: 365 },
  medium: { sites: 8, extraAssemblies: 1, pooledParts: 60, sitePartsPerSite: 24, openLines: 20_000, horizonDays: 365 },
  large: { sites: 20, extraAssemblies: 10, pooledParts: 300, sitePartsPerSite: 71, openLines: 201_500, horizonDays: 730 },
};

const SITE_CODES = ['PHX1', 'DSM2', 'RNO1', 'ATL3', 'DFW2', 'CMH1', 'SLC1', 'ORD4', 'IAD7', 'SEA2', 'LAS1', 'MSP1', 'PDX3', 'DEN2', 'BNA1', 'RIC1', 'ABQ1', 'OMA2', 'TUL1', 'BOI1', 'CHS1', 'ELP1'];


const day = (start: string, d: number) => new Date(Date.parse(`${start}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);

export function generateModel(size: ModelSize, seed = 1, planStart = '2026-03-02'): CapacityModel {
  const spec = SIZES[size];
  const rand = mulberry32(seed * 7919 + spec.sites);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const H = spec.horizonDays;
  const items: CapacityItem[] = [];
  const recipes: CapacityRecipe[] = [];
  const add = (sku: string, category: string, unit: string, site: string | null, gpus = 0) =>
    items.push({ sku, name: sku, category, unit, site, gpusOnlinePerUnit: gpus });

  // Pooled parts: the DGX bill plus cables, frames, PDUs, valves, switches and filler.
  add('A100-SXM4-80G', 'gpu', 'ea', null);
  add('HGX-BASEBOARD', 'compute', 'ea', null);
  add('TRAY-4U', 'compute', 'ea', null);
  add('NIC-CX7', 'network', 'ea', null);
  add('CAB-CAT6', 'network', 'ea', null);
  add('RACK-42U', 'rack', 'ea', null);
  add('PDU-30KW', 'power', 'ea', null);
  add('VALVE-DN100', 'cooling', 'ea', null);
  add('TOR-SWITCH', 'network', 'ea', null);
  const pooledFiller: string[] = [];
  for (let k = items.length; k < spec.pooledParts; k++) {
    const sku = `POOL-${String(k).padStart(4, '0')}`;
    add(sku, ['network', 'power', 'cooling', 'other'][k % 4]!, 'ea', null);
    pooledFiller.push(sku);
  }
  add('DGX-A100', 'compute', 'ea', null);

  const sites = SITE_CODES.slice(0, spec.sites);
  // Demand drives supply: per site, nodes (32 GPUs) it can install per week once it is ready.
  const crew = sites.map(() => int(3, 8));
  const ready = sites.map((_, s) => (s === 0 ? 0 : int(0, Math.floor(H / 3))));
  const weeksActive = sites.map((_, s) => Math.max(1, (H - ready[s]!) / 7));
  const nodesPossible = sites.map((_, s) => crew[s]! * weeksActive[s]!);
  const totalNodes = nodesPossible.reduce((a, b) => a + b, 0);
  // GPUs cover ~75% of what the sites could install: they must compete.
  const gpuTotal = Math.round(totalNodes * 4 * 8 * 0.75);
  const dgxPerWeek = Math.ceil((crew.reduce((a, b) => a + b, 0) * 4 * 0.9));

  recipes.push({
    outputSku: 'DGX-A100',
    outputQty: '1',
    leadTimeDays: 14,
    maxStartsPerWeek: dgxPerWeek,
    components: [
      { sku: 'A100-SXM4-80G', qtyPerBuild: '8' },
      { sku: 'HGX-BASEBOARD', qtyPerBuild: '1' },
      { sku: 'TRAY-4U', qtyPerBuild: '1' },
      { sku: 'NIC-CX7', qtyPerBuild: '4' },
    ],
  });

  // Need per purchased item over the horizon (in its units), to size its supply.
  const need = new Map<string, number>();
  const needs = (sku: string, q: number) => need.set(sku, (need.get(sku) ?? 0) + q);
  const siteOf = new Map<string, number>();
  const early = new Map<string, number>(); // site parts arrive from the site's ready day on

  sites.forEach((code, s) => {
    const n = nodesPossible[s]!;
    const siteParts: string[] = [];
    for (let k = 0; k < spec.sitePartsPerSite; k++) {
      const sku = k === 0 ? `RACKPOS-${code}` : k === 1 ? `POWER-KW-${code}` : k === 2 ? `PIPE-DN100-M-${code}` : `SITE-${code}-${String(k).padStart(3, '0')}`;
      add(sku, k === 0 ? 'facility' : k === 1 ? 'power' : k === 2 ? 'cooling' : 'facility', k === 1 ? 'kW' : k === 2 ? 'm' : 'ea', code);
      siteParts.push(sku);
      siteOf.set(sku, s);
      early.set(sku, ready[s]!);
    }
    const out = (base: string) => `${base}-${code}`;
    add(out('PDU-KIT'), 'power', 'ea', code);
    add(out('COOLING-LOOP'), 'cooling', 'ea', code);
    add(out('SERVER-RACK'), 'rack', 'ea', code);
    add(out('RACK-READY'), 'rack', 'ea', code);
    add(`NODE-ONLINE-${code}`, 'compute', 'ea', code, 32);
    const extra: string[] = [];
    for (let j = 0; j < spec.extraAssemblies; j++) {
      const sku = `ASSY-${code}-${String(j).padStart(2, '0')}`;
      add(sku, 'other', 'ea', code);
      extra.push(sku);
    }

    let sp = 3;
    const sitePart = () => siteParts[3 + ((sp++ - 3) % Math.max(1, siteParts.length - 3))] ?? siteParts[0]!;
    const filler = () => pooledFiller[int(0, Math.max(0, pooledFiller.length - 1))];
    const comps = (list: Array<[string | undefined, string]>) =>
      list.filter((x): x is [string, string] => x[0] !== undefined).map(([sku, qtyPerBuild]) => ({ sku, qtyPerBuild }));
    const dedupe = (c: { sku: string; qtyPerBuild: string }[]) => [...new Map(c.map((x) => [x.sku, x])).values()];

    recipes.push({ outputSku: out('PDU-KIT'), outputQty: '1', leadTimeDays: 2, maxStartsPerWeek: null, components: dedupe(comps([['PDU-30KW', '1'], [sitePart(), '2']])) });
    recipes.push({
      outputSku: out('COOLING-LOOP'),
      outputQty: '1',
      leadTimeDays: 5,
      maxStartsPerWeek: crew[s]! * 2,
      components: dedupe(comps([[`PIPE-DN100-M-${code}`, '12.5'], ['VALVE-DN100', '4'], [sitePart(), '1']])),
    });
    recipes.push({
      outputSku: out('SERVER-RACK'),
      outputQty: '1',
      leadTimeDays: 7,
      maxStartsPerWeek: crew[s]! + 2,
      components: dedupe(comps([['DGX-A100', '4'], ['RACK-42U', '1'], [out('PDU-KIT'), '2'], ['CAB-CAT6', '8']])),
    });
    const extraFirst = extra.slice(0, Math.ceil(extra.length / 2));
    const extraSecond = extra.slice(Math.ceil(extra.length / 2));
    recipes.push({
      outputSku: out('RACK-READY'),
      outputQty: '1',
      leadTimeDays: 3,
      maxStartsPerWeek: crew[s]! + 1,
      components: dedupe(comps([[out('SERVER-RACK'), '1'], ['CAB-CAT6', '24'], ['TOR-SWITCH', '1'], ...extraFirst.map((x): [string, string] => [x, '1'])])),
    });
    recipes.push({
      outputSku: `NODE-ONLINE-${code}`,
      outputQty: '1',
      leadTimeDays: 2,
      maxStartsPerWeek: crew[s]!,
      components: dedupe(
        comps([
          [out('RACK-READY'), '1'],
          [`RACKPOS-${code}`, '1'],
          [`POWER-KW-${code}`, '40'],
          [out('COOLING-LOOP'), '1'],
          ...extraSecond.map((x): [string, string] => [x, '1']),
        ]),
      ),
    });
    for (const sku of extra) {
      const parts = int(2, 4);
      const list: Array<[string | undefined, string]> = [];
      for (let k = 0; k < parts; k++) list.push([k % 2 === 0 ? sitePart() : filler(), String(int(1, 4))]);
      recipes.push({ outputSku: sku, outputQty: '1', leadTimeDays: int(1, 5), maxStartsPerWeek: null, components: dedupe(comps(list)) });
    }

    // What this site would use if it installed n nodes.
    needs(`RACKPOS-${code}`, n);
    needs(`POWER-KW-${code}`, 40 * n);
    needs(`PIPE-DN100-M-${code}`, 12.5 * n);
  });

  // Explode the remaining need through the recipes (every site at full rate).
  const recipeOf = new Map(recipes.map((r) => [r.outputSku, r]));
  const explode = (sku: string, qty: number) => {
    const r = recipeOf.get(sku);
    if (!r) {
      if (!sku.startsWith('RACKPOS-') && !sku.startsWith('POWER-KW-') && !sku.startsWith('PIPE-DN100-M-')) needs(sku, qty);
      return;
    }
    const builds = qty / Number(r.outputQty);
    for (const c of r.components) explode(c.sku, builds * Number(c.qtyPerBuild));
  };
  sites.forEach((code, s) => explode(`NODE-ONLINE-${code}`, nodesPossible[s]!));
  need.set('A100-SXM4-80G', gpuTotal);

  // Supply: lines spread over purchased items by need; GPUs scarce, the rest ~1.25× need.
  const purchased = items.filter((it) => !recipeOf.has(it.sku) && it.gpusOnlinePerUnit === 0).map((it) => it.sku);
  const weight = purchased.map((sku) => Math.sqrt(need.get(sku) ?? 1) + (sku === 'A100-SXM4-80G' ? 200 : 0));
  const wsum = weight.reduce((a, b) => a + b, 0);
  // ~6% of lines are received or cancelled, so generate enough for spec.openLines open ones.
  const lineCount = Math.ceil(spec.openLines / 0.94) + 10;
  const linesFor = purchased.map((_, k) => Math.max(1, Math.round((lineCount * weight[k]!) / wsum)));
  let drift = lineCount - linesFor.reduce((a, b) => a + b, 0);
  for (let k = 0; drift !== 0; k = (k + 1) % linesFor.length) {
    if (drift > 0) {
      linesFor[k]!++;
      drift--;
    } else if (linesFor[k]! > 1) {
      linesFor[k]!--;
      drift++;
    }
  }
  const inventory: InventoryRow[] = [];
  const poLines: PoLine[] = [];
  const suppliers = ['NVIDIA', 'SUPERMICRO', 'VERTIV', 'SCHNEIDER', 'VICTAULIC', 'PANDUIT', 'ARISTA', 'CORNING', 'EATON', 'BLACKBOX'];
  let poSeq = 1000;
  purchased.forEach((sku, k) => {
    const total = (need.get(sku) ?? 10) * (sku === 'A100-SXM4-80G' ? 1 : 1.25);
    const decimals = sku.startsWith('PIPE-') ? 1 : 0;
    const round = (v: number) => (decimals ? (Math.round(v * 2) / 2).toFixed(1) : String(Math.max(0, Math.round(v))));
    const from = Math.max(0, (early.get(sku) ?? 0) - 21);
    const onHand = sku === 'A100-SXM4-80G' ? total * 0.04 : siteOf.has(sku) ? 0 : total * 0.05;
    if (onHand > 0) {
      inventory.push({ sku, location: 'WH-RENO', onHand: round(onHand * 0.6) });
      inventory.push({ sku, location: 'WH-DAL', onHand: round(onHand * 0.4) });
    }
    const supplier = sku === 'A100-SXM4-80G' ? 'NVIDIA' : suppliers[1 + (k % (suppliers.length - 1))]!;
    const nLines = linesFor[k]!;
    const per = (total - onHand) / nLines;
    let lineNo = 0;
    let po = `PO-${poSeq++}`;
    for (let i = 0; i < nLines; i++) {
      if (lineNo >= 40) {
        po = `PO-${poSeq++}`;
        lineNo = 0;
      }
      lineNo++;
      // Spread over the horizon, a few already past due; site parts arrive from the site's ready day.
      const d = rand() < 0.03 ? -int(1, 30) : from + Math.floor(rand() * Math.max(1, H - from - 20));
      const r = rand();
      poLines.push({
        supplier,
        poNumber: po,
        lineNo,
        sku,
        qty: round(per * (0.5 + rand())),
        promisedDate: day(planStart, d),
        status: r < 0.94 ? 'open' : r < 0.97 ? 'received' : 'cancelled',
      });
    }
  });

  // Quarterly commitments, the later ones ambitious enough to be missed (so shortages have work to do).
  const finalGpus = Math.round(totalNodes * 0.75) * 32;
  const targets: Target[] = [0.25, 0.5, 0.75, 1].map((f) => ({
    date: day(planStart, Math.min(H - 1, Math.round(H * f) - 1)),
    gpusOnline: Math.round((finalGpus * Math.pow(f, 1.5) * (size === 'demo' ? 0.9 : 1.05)) / 100) * 100,
  }));

  return { planStart, horizonDays: H, items, recipes, inventory, poLines, targets };
}

export function describeModel(m: CapacityModel) {
  const open = m.poLines.filter((l) => l.status === 'open').length;
  return { items: m.items.length, recipes: m.recipes.length, poLines: m.poLines.length, openLines: open, sites: new Set(m.items.filter((i) => i.gpusOnlinePerUnit > 0).map((i) => i.site)).size, horizonDays: m.horizonDays };
}
