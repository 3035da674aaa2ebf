import { GPUS_PER_NODE, SITE_CODES, SKU, siteSku } from './catalogue';

// How everything is built. Three levels below a node online:
//   NODE-ONLINE-<site> ← DGX-A100 ← GPUs, baseboard, tray, …
//                      ← RACK-READY-<site> ← RACKPOS-<site> ← concrete, hall zone
//                                          ← POWER-KW-<site>, COOLING-KW-<site> ← CDU, pipe
//                      ← FABRIC-SU-<site> ← QM8700 switches, HDR cables
// Shared on purpose: HDR DAC cables go into both the rack build and the SU
// cabling; DN100 pipe into both the rack build and the cooling loop; switches,
// GPUs, pipe and cables are pooled, so the two sites compete for them.

export interface RecipeSpec {
  output: string;
  outputQty: number;
  leadTimeDays: number;
  maxStartsPerWeek?: number;
  components: { sku: string; qty: number }[];
}

/** DGX A100: 4 nodes per 48U rack at ~6.5 kW each, plus switch and PDU losses. */
export const NODES_PER_RACK = 4;
export const KW_PER_RACK = 28;
/** A SuperPOD scalable unit: 20 DGX nodes, 8 leaf + 4 spine QM8700. */
export const NODES_PER_SU = 20;

const dgxRecipe: RecipeSpec = {
  output: SKU.dgx,
  outputQty: 1,
  leadTimeDays: 14, // integration, burn-in and test at the integrator
  maxStartsPerWeek: 150,
  components: [
    { sku: SKU.gpu, qty: GPUS_PER_NODE },
    { sku: SKU.baseboard, qty: 1 },
    { sku: SKU.tray, qty: 1 },
    { sku: SKU.cpu, qty: 2 },
    { sku: SKU.dimm, qty: 32 },
    { sku: SKU.nvme, qty: 8 },
    { sku: SKU.cx6, qty: 8 },
    { sku: SKU.cx6dual, qty: 2 },
    { sku: SKU.psu, qty: 6 },
  ],
};

/** Weekly crew and line limits per site; greenfield DSM2 is the bigger campus with more crews. */
const SITE_LIMITS: Record<string, { rackPos: number; power: number; cooling: number; rackReady: number; fabric: number; node: number }> = {
  PHX1: { rackPos: 2, power: 3, cooling: 1, rackReady: 24, fabric: 4, node: 80 },
  DSM2: { rackPos: 4, power: 4, cooling: 2, rackReady: 30, fabric: 5, node: 100 },
};

function siteRecipes(site: string): RecipeSpec[] {
  const limits = SITE_LIMITS[site];
  if (!limits) throw new Error(`no crew limits for site ${site}`);
  return [
    {
      // One zone of 24 positions: plinths and slab infill, then 28 days to cure.
      output: siteSku.rackPos(site),
      outputQty: 24,
      leadTimeDays: 28,
      maxStartsPerWeek: limits.rackPos,
      components: [
        { sku: siteSku.hallZone(site), qty: 1 },
        { sku: siteSku.concrete(site), qty: 38.5 },
      ],
    },
    {
      output: siteSku.power(site),
      outputQty: 500,
      leadTimeDays: 10,
      maxStartsPerWeek: limits.power,
      components: [
        { sku: SKU.ups, qty: 1 },
        { sku: SKU.switchboard, qty: 1 },
        { sku: SKU.busway, qty: 32.5 },
      ],
    },
    {
      output: siteSku.cooling(site),
      outputQty: 1350,
      leadTimeDays: 14,
      maxStartsPerWeek: limits.cooling,
      components: [
        { sku: SKU.cdu, qty: 1 },
        { sku: SKU.pipe150, qty: 36 },
        { sku: SKU.pipe100, qty: 24 },
        { sku: SKU.valve, qty: 6 },
        { sku: SKU.glycol, qty: 1800 },
      ],
    },
    {
      output: siteSku.rackReady(site),
      outputQty: 1,
      leadTimeDays: 5,
      maxStartsPerWeek: limits.rackReady,
      components: [
        { sku: siteSku.rackPos(site), qty: 1 },
        { sku: siteSku.power(site), qty: KW_PER_RACK },
        { sku: siteSku.cooling(site), qty: KW_PER_RACK },
        { sku: SKU.rack, qty: 1 },
        { sku: SKU.pdu, qty: 2 },
        { sku: SKU.rdhx, qty: 1 },
        { sku: SKU.hoseKit, qty: 1 },
        { sku: SKU.pipe100, qty: 12.5 },
        { sku: SKU.valve, qty: 2 },
        { sku: SKU.glycol, qty: 45 },
        { sku: SKU.cableTray, qty: 3.6 },
        { sku: SKU.mgmtSwitch, qty: 1 },
        { sku: SKU.dac, qty: 8 }, // in-rack storage links
      ],
    },
    {
      // Leaf and spine for one SU, in the network row: 160 node-to-leaf AOCs,
      // 160 leaf-to-spine DACs, 48 optics to the core.
      output: siteSku.fabric(site),
      outputQty: NODES_PER_SU,
      leadTimeDays: 10,
      maxStartsPerWeek: limits.fabric,
      components: [
        { sku: siteSku.power(site), qty: 12.5 },
        { sku: SKU.ibSwitch, qty: 12 },
        { sku: SKU.aoc, qty: 160 },
        { sku: SKU.dac, qty: 160 },
        { sku: SKU.transceiver, qty: 48 },
        { sku: SKU.mpo, qty: 24 },
        { sku: SKU.cableTray, qty: 30 },
        { sku: SKU.labels, qty: 1 },
      ],
    },
    {
      // Install crew: rack, cable, power on and accept one node.
      output: siteSku.node(site),
      outputQty: 1,
      leadTimeDays: 3,
      maxStartsPerWeek: limits.node,
      components: [
        { sku: SKU.dgx, qty: 1 },
        { sku: siteSku.rackReady(site), qty: 1 / NODES_PER_RACK },
        { sku: siteSku.fabric(site), qty: 1 },
        { sku: SKU.railKit, qty: 1 },
      ],
    },
  ];
}

export const DEMO_RECIPES: RecipeSpec[] = [dgxRecipe, ...SITE_CODES.flatMap(siteRecipes)];
