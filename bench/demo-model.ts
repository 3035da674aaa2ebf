import type { CapacityModel, PoLineStatus } from '@/lib/capacity';
import { buildDemoData } from '@/lib/demo';

/** The demo data's anchor (a Monday) and the plan start the dashboard shows by default. */
export const DEMO_ANCHOR = '2026-11-23';
export const DEMO_PLAN_START = '2026-11-26';
export const DEMO_HORIZON_DAYS = 365;

/**
 * The product's demo build-out (lib/demo) as the engine sees it after the demo
 * seed: the canonical CSV rows mapped onto CapacityModel the way
 * lib/forecast/build-model.ts maps database rows — open PO lines only, decimals
 * as strings, blank site / weekly limit as null. No arithmetic happens here.
 */
export function demoCapacityModel(planStart: string = DEMO_PLAN_START, opts: { anchor?: string; horizonDays?: number } = {}): CapacityModel {
  const data = buildDemoData(opts.anchor ?? DEMO_ANCHOR);
  const components = new Map<string, { sku: string; qtyPerBuild: string }[]>();
  for (const c of data.bom) {
    let list = components.get(c.output_sku!);
    if (!list) components.set(c.output_sku!, (list = []));
    list.push({ sku: c.component_sku!, qtyPerBuild: c.qty_per_build! });
  }
  for (const list of components.values()) list.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  return {
    planStart,
    horizonDays: opts.horizonDays ?? DEMO_HORIZON_DAYS,
    items: data.items.map((i) => ({
      sku: i.sku!,
      name: i.name,
      category: i.category!,
      unit: i.unit!,
      site: i.site ? i.site : null,
      gpusOnlinePerUnit: i.gpus_online_per_unit ? Number(i.gpus_online_per_unit) : 0,
    })),
    recipes: data.recipes.map((r) => ({
      outputSku: r.output_sku!,
      outputQty: r.output_qty!,
      leadTimeDays: Number(r.lead_time_days),
      maxStartsPerWeek: r.max_starts_per_week ? Number(r.max_starts_per_week) : null,
      components: components.get(r.output_sku!) ?? [],
    })),
    inventory: data.inventory.map((s) => ({ sku: s.sku!, location: s.location!, onHand: s.on_hand! })),
    poLines: data['purchase-orders']
      .filter((l) => (l.status || 'open') === 'open')
      .map((l) => ({
        supplier: l.supplier!,
        poNumber: l.po_number!,
        lineNo: Number(l.line),
        sku: l.sku!,
        qty: l.qty!,
        promisedDate: l.promised_date!,
        status: (l.status || 'open') as PoLineStatus,
      })),
    targets: data.targets.map((t) => ({ date: t.date!, gpusOnline: Number(t.gpus_online) })),
    adjustments: [],
  };
}
