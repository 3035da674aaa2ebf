import type { DemoSite, ItemCategory } from './types';

// The item master: pooled parts (no site) that every site competes for, and
// per-site resources and assemblies (site set) that only that site can use.

export interface ItemSpec {
  sku: string;
  name: string;
  category: ItemCategory;
  unit: string;
  site?: string;
  gpusOnlinePerUnit?: number;
}

export const DEMO_SITES: DemoSite[] = [
  { code: 'PHX1', name: 'Phoenix PHX1 (Hall A live, Hall B fit-out)' },
  { code: 'DSM2', name: 'Des Moines DSM2 (greenfield)' },
];

export const SITE_CODES = DEMO_SITES.map((s) => s.code);

/** A DGX A100 carries 8 GPUs: the unit of "GPUs online". */
export const GPUS_PER_NODE = 8;

// Skus used by the recipes and the story, named once so a typo fails to compile.
export const SKU = {
  gpu: 'A100-SXM4-80G',
  baseboard: 'HGX-A100-8GPU-BB',
  tray: 'DGX-A100-TRAY-4U',
  cpu: 'CPU-EPYC-7742',
  dimm: 'DIMM-64G-DDR4-3200',
  nvme: 'NVME-U2-3T84',
  cx6: 'CX6-HDR-1P',
  cx6dual: 'CX6-HDR-2P',
  psu: 'PSU-3KW-TITANIUM',
  dgx: 'DGX-A100',
  railKit: 'RAIL-KIT-4U',
  ibSwitch: 'QM8700-HDR-40P',
  mgmtSwitch: 'SN2201-1GBE-48P',
  dac: 'MCP1650-H002-HDR-DAC',
  aoc: 'MFS1S00-H010-HDR-AOC',
  transceiver: 'MMA1T00-HS-200G',
  mpo: 'FIBER-MPO12-30M',
  rack: 'RACK-48U-800',
  pdu: 'PDU-3PH-415V-60A',
  cableTray: 'CABLE-TRAY-300-M',
  rdhx: 'RDHX-50KW',
  hoseKit: 'HOSE-KIT-RDHX',
  cdu: 'CDU-XDU1350',
  pipe100: 'PIPE-DN100-M',
  pipe150: 'PIPE-DN150-M',
  valve: 'VALVE-DN100-BFLY',
  glycol: 'GLYCOL-PG25-L',
  ups: 'UPS-GVX-500KW',
  switchboard: 'SWBD-2500A-SECTION',
  busway: 'BUSWAY-1000A-M',
  labels: 'LABEL-KIT-SU',
} as const;

/** Per-site skus, e.g. siteSku.node('PHX1') = 'NODE-ONLINE-PHX1'. */
export const siteSku = {
  concrete: (site: string) => `CONCRETE-M3-${site}`,
  hallZone: (site: string) => `HALL-ZONE-${site}`,
  rackPos: (site: string) => `RACKPOS-${site}`,
  power: (site: string) => `POWER-KW-${site}`,
  cooling: (site: string) => `COOLING-KW-${site}`,
  rackReady: (site: string) => `RACK-READY-${site}`,
  fabric: (site: string) => `FABRIC-SU-${site}`,
  node: (site: string) => `NODE-ONLINE-${site}`,
};

const POOLED_ITEMS: ItemSpec[] = [
  // GPU and node assembly
  { sku: SKU.gpu, name: 'NVIDIA A100 80GB SXM4 GPU', category: 'gpu', unit: 'ea' },
  { sku: SKU.baseboard, name: 'HGX A100 8-GPU baseboard (6x NVSwitch)', category: 'compute', unit: 'ea' },
  { sku: SKU.tray, name: 'DGX A100 4U system tray, motherboard and fans', category: 'compute', unit: 'ea' },
  { sku: SKU.cpu, name: 'AMD EPYC 7742, 64 cores', category: 'compute', unit: 'ea' },
  { sku: SKU.dimm, name: 'DIMM 64 GB DDR4-3200 RDIMM', category: 'compute', unit: 'ea' },
  { sku: SKU.nvme, name: 'NVMe U.2 3.84 TB data drive', category: 'compute', unit: 'ea' },
  { sku: SKU.cx6, name: 'ConnectX-6 VPI HDR 200 Gb/s, single port (compute fabric)', category: 'network', unit: 'ea' },
  { sku: SKU.cx6dual, name: 'ConnectX-6 VPI HDR, dual port (storage fabric)', category: 'network', unit: 'ea' },
  { sku: SKU.psu, name: 'Power supply 3 kW, 80 PLUS Titanium', category: 'power', unit: 'ea' },
  { sku: SKU.dgx, name: 'DGX A100 640GB node, integrated and tested (4U, 6.5 kW)', category: 'compute', unit: 'ea' },
  { sku: SKU.railKit, name: 'Rail kit, 4U sliding', category: 'rack', unit: 'ea' },
  // InfiniBand / management network
  { sku: SKU.ibSwitch, name: 'Quantum QM8700 HDR InfiniBand switch, 40 ports', category: 'network', unit: 'ea' },
  { sku: SKU.mgmtSwitch, name: 'SN2201 1GbE management switch, 48 ports', category: 'network', unit: 'ea' },
  { sku: SKU.dac, name: 'HDR copper cable (DAC), 200 Gb/s, 2 m', category: 'network', unit: 'ea' },
  { sku: SKU.aoc, name: 'HDR active optical cable (AOC), 200 Gb/s, 10 m', category: 'network', unit: 'ea' },
  { sku: SKU.transceiver, name: 'HDR QSFP56 transceiver, 200 Gb/s SR4', category: 'network', unit: 'ea' },
  { sku: SKU.mpo, name: 'Fibre trunk MPO-12, OM4, 30 m', category: 'network', unit: 'ea' },
  // Racks and in-rack power
  { sku: SKU.rack, name: 'Rack 48U, 800 x 1200 mm', category: 'rack', unit: 'ea' },
  { sku: SKU.pdu, name: 'Rack PDU, 3-phase 415 V, 60 A, switched', category: 'power', unit: 'ea' },
  { sku: SKU.cableTray, name: 'Overhead cable tray, 300 mm wire basket', category: 'rack', unit: 'm' },
  // Liquid cooling
  { sku: SKU.rdhx, name: 'Rear-door heat exchanger, 50 kW', category: 'cooling', unit: 'ea' },
  { sku: SKU.hoseKit, name: 'Flexible hose kit for rear door, pair', category: 'cooling', unit: 'ea' },
  { sku: SKU.cdu, name: 'Coolant distribution unit, 1,350 kW (Liebert XDU1350)', category: 'cooling', unit: 'ea' },
  { sku: SKU.pipe100, name: 'Stainless pipe DN100, secondary loop', category: 'cooling', unit: 'm' },
  { sku: SKU.pipe150, name: 'Stainless pipe DN150, primary header', category: 'cooling', unit: 'm' },
  { sku: SKU.valve, name: 'Butterfly isolation valve DN100', category: 'cooling', unit: 'ea' },
  { sku: SKU.glycol, name: 'Propylene glycol 25% pre-mix', category: 'cooling', unit: 'L' },
  // Facility power
  { sku: SKU.ups, name: 'UPS 500 kW (Galaxy VX)', category: 'power', unit: 'ea' },
  { sku: SKU.switchboard, name: 'Switchboard section 2,500 A', category: 'power', unit: 'ea' },
  { sku: SKU.busway, name: 'Overhead busway 1,000 A', category: 'power', unit: 'm' },
  { sku: SKU.labels, name: 'Cable labels and patch records, one scalable unit', category: 'other', unit: 'kit' },
];

function siteItems(site: string): ItemSpec[] {
  return [
    { sku: siteSku.concrete(site), name: `Structural concrete poured at ${site}, slab and plinths`, category: 'facility', unit: 'm3', site },
    { sku: siteSku.hallZone(site), name: `Data hall zone handed over at ${site} (shell, fire, lighting)`, category: 'facility', unit: 'zone', site },
    { sku: siteSku.rackPos(site), name: `Rack position at ${site}, slab cured`, category: 'facility', unit: 'position', site },
    { sku: siteSku.power(site), name: `Critical power at ${site}`, category: 'power', unit: 'kW', site },
    { sku: siteSku.cooling(site), name: `Liquid cooling capacity at ${site}`, category: 'cooling', unit: 'kW', site },
    { sku: siteSku.rackReady(site), name: `Rack ready at ${site}: set, powered, plumbed`, category: 'rack', unit: 'rack', site },
    { sku: siteSku.fabric(site), name: `HDR fabric node port at ${site} (SU leaf/spine cabled)`, category: 'network', unit: 'port', site },
    { sku: siteSku.node(site), name: `DGX A100 node online at ${site}`, category: 'compute', unit: 'node', site, gpusOnlinePerUnit: GPUS_PER_NODE },
  ];
}

export const DEMO_ITEMS: ItemSpec[] = [...POOLED_ITEMS, ...SITE_CODES.flatMap(siteItems)];
