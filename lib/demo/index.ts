/**
 * ClearBuild demo: a year of building out a DGX A100 training cluster at two
 * sites, Phoenix PHX1 (Hall A live, Hall B being fitted out) and Des Moines
 * DSM2 (greenfield). A node online = 1 DGX A100 (8 A100 80GB SXM4 on an HGX
 * baseboard, 4U, about 6.5 kW) + 1/4 of a ready rack (position on a cured
 * slab, 28 kW of power and of liquid cooling, rear door, PDUs, 12.5 m of DN100
 * pipe) + 1/20 of a scalable unit's HDR fabric (12 QM8700s and their cables).
 * GPUs, switches, cables and pipe are pooled; slab, positions, power and
 * cooling belong to a site. The board's target, one point per four-week
 * period, climbs to 24,000 GPUs by day 363. Different things gate the ramp in
 * turn (figures from the greedy simulation in demo.test.ts; an LP relaxation
 * of the GPU-days objective gave the same to within a few GPUs):
 *
 * Weeks 0–12, concrete at Des Moines. Phoenix Hall A's 176 live positions
 * (5,632 GPUs) fill by week 9 at the install crew's 80 nodes a week. DSM2's
 * first slab (CEMEX PO-24338/1) is poured only in week 6 and cures 28 days,
 * so its positions start in week 10. Periods 2–3 miss the target (4,480 vs
 * 4,800; ~6,600 vs 8,000).
 *
 * Weeks 13–19, the slipped pipe. Ferguson's 6,000 m DN100 line (PO-24422/2),
 * due in week 8, is now promised for week 19. The 3,600 m on hand or due
 * sooner plumbs about 280 racks, so GPUs online stall near 8,900 for six weeks
 * while ~5,000 GPUs in built DGX nodes sit idle. Periods 4–5 miss
 * by 1,500 and 3,100.
 *
 * Weeks 20–23, catch-up. The pipe lands, DSM2 has positions waiting, both
 * crews run flat out (180 nodes a week): ahead of target in periods 6 and 7.
 *
 * Weeks 24–39, InfiniBand switches. 12 QM8700s cable 20 nodes; the 1,200
 * delivered by week 22 cover 16,000 GPUs, then NVIDIA ships 48 and 72, cancels
 * a 96 line and consolidates 480 into week 38 (PO-24478/20). 2,000–3,000 GPUs
 * wait in built nodes; periods 8–10 miss (17,600 vs 20,000 at period 10).
 *
 * Weeks 40–51, the GPUs themselves. The switch shipment clears the backlog
 * (21,328 vs 20,800 at period 11); then NVIDIA's cut allocation (two lines
 * cancelled, 640–880 a month, the week-50 lot too late to come online) leaves
 * the year at 22,848 against 24,000. Expedite: the week-55 GPU line (NVIDIA
 * PO-24716/1).
 *
 * The same story as data for the UI: DEMO_STORY in story.ts.
 */
import { isoWeekday, parseDay } from './calendar';
import { DEMO_RECIPES } from './bom';
import { DEMO_ITEMS, DEMO_SITES } from './catalogue';
import { DEMO_INVENTORY } from './inventory';
import { formatQty } from './prng';
import { purchaseOrderRows } from './purchase-orders';
import { DEMO_SUPPLIERS } from './suppliers';
import { demoDeliveries } from './supply-plan';
import { targetRows } from './targets';
import type { DemoData } from './types';

export { demoToCsv } from './csv';
export { addDays, mondayOnOrBefore } from './calendar';
export { demoAnchor } from './anchor';
export { DEMO_STORY } from './story';
export { DEMO_CSV_COLUMNS, DEMO_CSV_KINDS } from './types';
export type { CsvRow, DemoCsvKind, DemoData, DemoSite, DemoSupplier } from './types';

/**
 * The demo data set, dated relative to `anchor` (the plan start, a Monday, as
 * 'YYYY-MM-DD'). Pure and deterministic: the same anchor gives identical rows.
 */
export function buildDemoData(anchor: string): DemoData {
  parseDay(anchor); // throws on anything but a real YYYY-MM-DD date
  if (isoWeekday(anchor) !== 1) {
    throw new RangeError(`the demo anchor must be a Monday (the plan start); ${anchor} is not — see mondayOnOrBefore()`);
  }
  return {
    items: DEMO_ITEMS.map((item) => ({
      sku: item.sku,
      name: item.name,
      category: item.category,
      unit: item.unit,
      site: item.site ?? '',
      gpus_online_per_unit: String(item.gpusOnlinePerUnit ?? 0),
    })),
    recipes: DEMO_RECIPES.map((r) => ({
      output_sku: r.output,
      output_qty: formatQty(r.outputQty),
      lead_time_days: String(r.leadTimeDays),
      max_starts_per_week: r.maxStartsPerWeek === undefined ? '' : String(r.maxStartsPerWeek),
    })),
    bom: DEMO_RECIPES.flatMap((r) =>
      r.components.map((c) => ({ output_sku: r.output, component_sku: c.sku, qty_per_build: formatQty(c.qty) })),
    ),
    inventory: DEMO_INVENTORY.map((s) => ({ sku: s.sku, location: s.location, on_hand: formatQty(s.onHand) })),
    'purchase-orders': purchaseOrderRows(demoDeliveries(), anchor),
    targets: targetRows(anchor),
    sites: DEMO_SITES.map((s) => ({ ...s })),
    suppliers: DEMO_SUPPLIERS.map((s) => ({ ...s })),
  };
}
