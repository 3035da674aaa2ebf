import { GPUS_PER_NODE, SKU, siteSku } from './catalogue';
import { onHandTotal } from './inventory';
import { mulberry32 } from './prng';

// Every purchase-order line of the demo as a delivery relative to plan start
// (day 0 = the anchor Monday). The gating parts are scheduled by hand to tell
// the story in index.ts; everything else is kitted to the GPU arrivals with a
// margin, so it never gates.

export type LineStatus = 'open' | 'received' | 'cancelled';

export interface DeliverySpec {
  supplier: string;
  sku: string;
  day: number;
  qty: number;
  status: LineStatus;
}

/** Day offset of a weekday in a plan week: week 0 is the anchor's week, weekday 1 = Monday. */
export function dayOf(week: number, weekday = 2): number {
  return week * 7 + weekday - 1;
}

type Lot = [week: number, qty: number, status?: LineStatus, weekday?: number];

function lots(supplier: string, sku: string, list: Lot[]): DeliverySpec[] {
  return list.map(([week, qty, status = 'open', weekday = 2]) => ({
    supplier,
    sku,
    day: dayOf(week, weekday),
    qty,
    status,
  }));
}

// GPUs: generous allocation in the first half, then NVIDIA cuts it; two lines
// are cancelled (re-allocated) and two land after the year.
const GPU_LINES = lots('NVIDIA', SKU.gpu, [
  [-6, 1600, 'received'],
  [-4, 1600, 'received'],
  [-2, 1200, 'received'],
  [1, 1600],
  [3, 1600],
  [5, 1600],
  [8, 1600],
  [10, 1600],
  [12, 1600],
  [15, 1600],
  [18, 1600],
  [22, 1200],
  [24, 1600, 'cancelled'],
  [27, 800],
  [31, 800],
  [35, 960],
  [38, 1200, 'cancelled'],
  [40, 800],
  [44, 640],
  [47, 880],
  [50, 800],
  [55, 1600],
  [58, 1600],
]);

// QM8700 leaf/spine switches: enough for 100 SUs by mid-year, then a trickle
// until the consolidated shipment in week 38.
const SWITCH_LINES = lots('NVIDIA', SKU.ibSwitch, [
  [-5, 120, 'received'],
  [2, 168],
  [6, 144],
  [10, 144],
  [14, 144],
  [18, 120],
  [22, 120],
  [28, 48],
  [30, 96, 'cancelled'],
  [33, 72],
  [38, 480],
  [42, 120],
  [47, 120],
]);

// DN100 pipe: the 6,000 m line was due in week 8 and is now promised week 19.
const PIPE_LINES = lots('FERGUSON', SKU.pipe100, [
  [-4, 800, 'received'],
  [-1, 300, 'open', 1], // past due: counts on day 0
  [3, 500],
  [7, 400],
  [10, 800, 'cancelled'],
  [19, 6000],
  [26, 1500],
  [32, 1500],
  [40, 1500],
  [46, 1000],
]);

// Concrete is poured in 38.5 m³ per zone of 24 positions; DSM2 pours start small.
const CONCRETE_LINES = [
  ...lots('CEMEX', siteSku.concrete('DSM2'), [
    [6, 77],
    [8, 115.5],
    [10, 154],
    [12, 231],
    [14, 231],
    [17, 231],
    [21, 231],
    [26, 154],
    [32, 154],
    [38, 115.5],
  ]),
  ...lots('CEMEX', siteSku.concrete('PHX1'), [
    [-3, 40, 'received'],
    [9, 77],
    [17, 115.5],
    [27, 115.5],
    [36, 77],
  ]),
];

const ZONE_LINES = [
  ...lots('MORTENSON', siteSku.hallZone('DSM2'), [
    [-2, 2, 'received', 5],
    [2, 2, 'open', 5],
    [5, 3, 'open', 5],
    [8, 4, 'open', 5],
    [10, 4, 'open', 5],
    [13, 6, 'open', 5],
    [17, 6, 'open', 5],
    [21, 6, 'open', 5],
    [26, 5, 'open', 5],
    [32, 4, 'open', 5],
    [38, 4, 'open', 5],
  ]),
  ...lots('MORTENSON', siteSku.hallZone('PHX1'), [
    [3, 2, 'open', 5],
    [8, 2, 'open', 5],
    [16, 3, 'open', 5],
    [26, 3, 'open', 5],
    [35, 2, 'open', 5],
  ]),
];

/** Nodes' worth of GPUs available by the end of plan week `week` (on hand, assembled, open lines). */
export function gpuNodePace(week: number): number {
  const gpus =
    onHandTotal(SKU.gpu) +
    GPU_LINES.filter((l) => l.status === 'open' && l.day < (week + 1) * 7).reduce((s, l) => s + l.qty, 0);
  return gpus / GPUS_PER_NODE + onHandTotal(SKU.dgx);
}

interface KitRule {
  sku: string;
  supplier: string;
  /** Usage per node brought online, including its share of racks, SUs and cooling loops. */
  perNode: number;
  everyWeeks: number;
  firstWeek: number;
  multiple: number;
}

const KIT_RULES: KitRule[] = [
  { sku: SKU.baseboard, supplier: 'NVIDIA', perNode: 1, everyWeeks: 2, firstWeek: 0, multiple: 8 },
  { sku: SKU.tray, supplier: 'SUPERMICRO', perNode: 1, everyWeeks: 2, firstWeek: 0, multiple: 10 },
  { sku: SKU.cpu, supplier: 'ARROW', perNode: 2, everyWeeks: 3, firstWeek: 0, multiple: 50 },
  { sku: SKU.dimm, supplier: 'ARROW', perNode: 32, everyWeeks: 3, firstWeek: 0, multiple: 500 },
  { sku: SKU.nvme, supplier: 'ARROW', perNode: 8, everyWeeks: 3, firstWeek: 1, multiple: 100 },
  { sku: SKU.cx6, supplier: 'NVIDIA', perNode: 8, everyWeeks: 3, firstWeek: 1, multiple: 100 },
  { sku: SKU.cx6dual, supplier: 'NVIDIA', perNode: 2, everyWeeks: 3, firstWeek: 1, multiple: 50 },
  { sku: SKU.psu, supplier: 'DELTA', perNode: 6, everyWeeks: 3, firstWeek: 0, multiple: 60 },
  { sku: SKU.railKit, supplier: 'SUPERMICRO', perNode: 1, everyWeeks: 4, firstWeek: 1, multiple: 20 },
  { sku: SKU.mgmtSwitch, supplier: 'NVIDIA', perNode: 0.25, everyWeeks: 6, firstWeek: 2, multiple: 4 },
  { sku: SKU.dac, supplier: 'AMPHENOL', perNode: 10, everyWeeks: 3, firstWeek: 1, multiple: 250 },
  { sku: SKU.aoc, supplier: 'COHERENT', perNode: 8, everyWeeks: 3, firstWeek: 2, multiple: 200 },
  { sku: SKU.transceiver, supplier: 'COHERENT', perNode: 2.4, everyWeeks: 4, firstWeek: 2, multiple: 100 },
  { sku: SKU.mpo, supplier: 'CORNING', perNode: 1.2, everyWeeks: 6, firstWeek: 2, multiple: 50 },
  { sku: SKU.rack, supplier: 'RITTAL', perNode: 0.25, everyWeeks: 3, firstWeek: 1, multiple: 12 },
  { sku: SKU.pdu, supplier: 'VERTIV', perNode: 0.5, everyWeeks: 4, firstWeek: 1, multiple: 24 },
  { sku: SKU.cableTray, supplier: 'LEGRAND', perNode: 2.4, everyWeeks: 6, firstWeek: 2, multiple: 100 },
  { sku: SKU.rdhx, supplier: 'MOTIVAIR', perNode: 0.25, everyWeeks: 3, firstWeek: 1, multiple: 12 },
  { sku: SKU.hoseKit, supplier: 'MOTIVAIR', perNode: 0.25, everyWeeks: 6, firstWeek: 1, multiple: 24 },
  { sku: SKU.cdu, supplier: 'VERTIV', perNode: 0.0056, everyWeeks: 6, firstWeek: 3, multiple: 1 },
  { sku: SKU.pipe150, supplier: 'FERGUSON', perNode: 0.19, everyWeeks: 8, firstWeek: 3, multiple: 50 },
  { sku: SKU.valve, supplier: 'FERGUSON', perNode: 0.53, everyWeeks: 6, firstWeek: 2, multiple: 50 },
  { sku: SKU.glycol, supplier: 'UNIVAR', perNode: 21, everyWeeks: 6, firstWeek: 2, multiple: 1000 },
  { sku: SKU.ups, supplier: 'SCHNEIDER', perNode: 0.0155, everyWeeks: 4, firstWeek: 2, multiple: 1 },
  { sku: SKU.switchboard, supplier: 'EATON', perNode: 0.0155, everyWeeks: 4, firstWeek: 2, multiple: 1 },
  { sku: SKU.busway, supplier: 'LEGRAND', perNode: 0.5, everyWeeks: 6, firstWeek: 3, multiple: 25 },
  { sku: SKU.labels, supplier: 'GRAYBAR', perNode: 0.05, everyWeeks: 8, firstWeek: 2, multiple: 5 },
];

const LAST_KIT_WEEK = 50;

/** Lots that keep cumulative supply 8–18% ahead of the GPUs due in the next cycle. */
function kittedLines(rule: KitRule, rand: () => number): DeliverySpec[] {
  const out: DeliverySpec[] = [];
  let cumulative = onHandTotal(rule.sku);
  for (let week = rule.firstWeek; week <= LAST_KIT_WEEK; week += rule.everyWeeks) {
    const margin = 1.08 + 0.1 * rand();
    const need = rule.perNode * gpuNodePace(week + rule.everyWeeks + 1) * margin - cumulative;
    const weekday = 2 + Math.floor(rand() * 3); // Tuesday to Thursday
    if (need <= 0) continue;
    const qty = Math.ceil(need / rule.multiple) * rule.multiple;
    cumulative += qty;
    out.push({ supplier: rule.supplier, sku: rule.sku, day: dayOf(week, weekday), qty, status: 'open' });
  }
  return out;
}

// History and noise: received lines (their stock is in inventory), lines past
// due but still open (they count on day 0 and are flagged), cancelled lines.
const HOUSEKEEPING_LINES: DeliverySpec[] = [
  ...lots('NVIDIA', SKU.baseboard, [[-4, 400, 'received'], [-2, 200, 'received']]),
  ...lots('SUPERMICRO', SKU.tray, [[-3, 400, 'received'], [20, 200, 'cancelled']]),
  ...lots('ARROW', SKU.dimm, [[-5, 12000, 'received'], [-1, 4000, 'open', 3]]),
  ...lots('ARROW', SKU.cpu, [[-5, 800, 'received']]),
  ...lots('DELTA', SKU.psu, [[-3, 2400, 'received'], [29, 1200, 'cancelled']]),
  ...lots('AMPHENOL', SKU.dac, [[-2, 2000, 'open', 4]]),
  ...lots('COHERENT', SKU.transceiver, [[-1, 800, 'open', 2], [-6, 600, 'received']]),
  ...lots('COHERENT', SKU.aoc, [[-3, 2400, 'received'], [14, 1600, 'cancelled']]),
  ...lots('VERTIV', SKU.pdu, [[-2, 120, 'open', 3]]),
  ...lots('VERTIV', SKU.cdu, [[-8, 2, 'received'], [12, 2, 'cancelled']]),
  ...lots('FERGUSON', SKU.valve, [[-2, 200, 'open', 1]]),
  ...lots('RITTAL', SKU.rack, [[-3, 60, 'received'], [-1, 24, 'open', 4]]),
  ...lots('MOTIVAIR', SKU.rdhx, [[-4, 60, 'received']]),
  ...lots('SCHNEIDER', SKU.ups, [[-6, 4, 'received'], [33, 2, 'cancelled']]),
  ...lots('EATON', SKU.switchboard, [[-6, 4, 'received']]),
  ...lots('LEGRAND', SKU.busway, [[-5, 300, 'received']]),
  ...lots('UNIVAR', SKU.glycol, [[-2, 8000, 'received']]),
  ...lots('CORNING', SKU.mpo, [[-3, 300, 'received']]),
  ...lots('GRAYBAR', SKU.labels, [[-4, 20, 'received']]),
];

const SEED = 0xa100;

/** All PO lines as deliveries relative to plan start; identical on every call. */
export function demoDeliveries(): DeliverySpec[] {
  const rand = mulberry32(SEED);
  return [
    ...GPU_LINES,
    ...SWITCH_LINES,
    ...PIPE_LINES,
    ...CONCRETE_LINES,
    ...ZONE_LINES,
    ...KIT_RULES.flatMap((rule) => kittedLines(rule, rand)),
    ...HOUSEKEEPING_LINES,
  ];
}
