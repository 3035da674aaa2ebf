import fc from 'fast-check';
import type { CapacityModel, CapacityRecipe, PoLine } from '../types';

export interface TinyShape {
  maxHorizon: number;
  maxParts: number;
  maxSites: number;
  withIntermediate: boolean;
  /** A second intermediate made from the first one and parts: three BOM levels, a part used at several. */
  deep?: boolean;
  /** Up to this many PO lines (default 3). */
  maxLines?: number;
  /** Multiplies stock and PO quantities (default 1). */
  supplyScale?: number;
}

const qty = fc.constantFrom('1', '1', '2', '3', '0.5', '1.5');
const outQty = fc.constantFrom('1', '1', '1', '2', '0.5');
const lead = fc.integer({ min: 0, max: 3 });
const limit = fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 2 });

/**
 * Random small models shaped like the real problem: purchased parts (some
 * pooled, some site-bound), optionally a pooled intermediate assembly, one or
 * two capacity items at different sites competing for the pooled parts, weekly
 * limits, lead times, decimal quantities, past-due, received and cancelled lines.
 */
export function tinyModel(shape: TinyShape): fc.Arbitrary<CapacityModel> {
  return fc
    .record({
      startOffset: fc.integer({ min: 0, max: 6 }),
      H: fc.integer({ min: 2, max: shape.maxHorizon }),
      parts: fc.integer({ min: 1, max: shape.maxParts }),
      sites: fc.integer({ min: 1, max: shape.maxSites }),
      mid: shape.withIntermediate ? fc.boolean() : fc.constant(false),
      seed: fc.array(fc.nat(1000), { minLength: 64, maxLength: 64 }),
      qtys: fc.array(qty, { minLength: 12, maxLength: 12 }),
      outs: fc.array(outQty, { minLength: 6, maxLength: 6 }),
      leads: fc.array(lead, { minLength: 6, maxLength: 6 }),
      limits: fc.array(limit, { minLength: 6, maxLength: 6 }),
      deep: shape.deep ? fc.boolean() : fc.constant(false),
      gpus: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 3, maxLength: 3 }),
    })
    .map(({ startOffset, H, parts, sites, mid, seed, qtys, outs, leads, limits, gpus, deep }) => {
      let k = 0;
      const times = (v: string) => String(Number(v) * (shape.supplyScale ?? 1));
      const pick = (n: number) => seed[k++ % seed.length]! % n;
      const planStart = `2026-03-0${2 + startOffset}`; // Monday 2 March … Sunday 8 March
      const partSkus = Array.from({ length: parts }, (_, i) => `P${i}`);
      const items: CapacityModel['items'] = partSkus.map((sku) => ({ sku, category: 'other', unit: 'ea', site: null, gpusOnlinePerUnit: 0 }));
      const recipes: CapacityRecipe[] = [];
      let q = 0;
      const comps = (from: string[], n: number) => {
        const chosen = new Set<string>();
        for (let i = 0; i < n; i++) chosen.add(from[pick(from.length)]!);
        return [...chosen].map((sku) => ({ sku, qtyPerBuild: qtys[q++ % qtys.length]! }));
      };
      let r = 0;
      const pool = [...partSkus];
      if (mid) {
        items.push({ sku: 'MID', category: 'compute', unit: 'ea', site: null, gpusOnlinePerUnit: 0 });
        recipes.push({ outputSku: 'MID', outputQty: outs[r]!, leadTimeDays: leads[r]!, maxStartsPerWeek: limits[r]!, components: comps(partSkus, 1 + pick(2)) });
        r++;
        pool.push('MID');
        if (deep) {
          items.push({ sku: 'MID2', category: 'rack', unit: 'ea', site: null, gpusOnlinePerUnit: 0 });
          const c = comps(partSkus, 1 + pick(2));
          recipes.push({ outputSku: 'MID2', outputQty: outs[r]!, leadTimeDays: leads[r]!, maxStartsPerWeek: limits[r]!, components: [{ sku: 'MID', qtyPerBuild: qtys[q++ % qtys.length]! }, ...c] });
          r++;
          pool.push('MID2');
        }
      }
      for (let s = 0; s < sites; s++) {
        const sku = `CAP-${s}`;
        items.push({ sku, category: 'compute', unit: 'node', site: `S${s}`, gpusOnlinePerUnit: gpus[s]! });
        recipes.push({ outputSku: sku, outputQty: outs[r]!, leadTimeDays: leads[r]!, maxStartsPerWeek: limits[r]!, components: comps(pool, 1 + pick(2)) });
        r++;
      }
      const inventory = partSkus
        .filter(() => pick(3) > 0)
        .map((sku) => ({ sku, location: 'WH', onHand: times(['0', '1', '2', '3', '4', '2.5'][pick(6)]!) }));
      // Now and then stock of a made item: an intermediate on hand, or GPUs already online.
      if (mid && pick(4) === 0) inventory.push({ sku: 'MID', location: 'WH', onHand: times(['1', '2'][pick(2)]!) });
      if (pick(6) === 0) inventory.push({ sku: 'CAP-0', location: 'SITE', onHand: '1' });
      const poLines: PoLine[] = [];
      const nLines = pick((shape.maxLines ?? 3) + 1);
      for (let i = 0; i < nLines; i++) {
        const d = pick(H + 5) - 3;
        const date = new Date(Date.UTC(2026, 2, 2 + startOffset + d)).toISOString().slice(0, 10);
        poLines.push({
          supplier: ['ACME', 'BOLT'][pick(2)]!,
          poNumber: `PO-${i}`,
          lineNo: 1,
          sku: mid && pick(6) === 0 ? 'MID' : partSkus[pick(parts)]!,
          qty: times(['1', '2', '3', '4', '1.5'][pick(5)]!),
          promisedDate: date,
          status: (['open', 'open', 'open', 'received', 'cancelled'] as const)[pick(5)]!,
        });
      }
      return { planStart, horizonDays: H, items, recipes, inventory, poLines, targets: [] };
    });
}
