import { SKU, siteSku } from './catalogue';

// Stock on hand at plan start. Phoenix Hall A is live (positions, power and
// cooling already built); Des Moines is a laydown yard and a first hall shell.

export interface StockSpec {
  sku: string;
  location: string;
  onHand: number;
}

export const DEMO_INVENTORY: StockSpec[] = [
  // Integrator warehouse in Reno
  { sku: SKU.gpu, location: 'WH-RENO', onHand: 2400 },
  { sku: SKU.dgx, location: 'WH-RENO', onHand: 96 },
  { sku: SKU.baseboard, location: 'WH-RENO', onHand: 420 },
  { sku: SKU.tray, location: 'WH-RENO', onHand: 380 },
  { sku: SKU.cpu, location: 'WH-RENO', onHand: 900 },
  { sku: SKU.dimm, location: 'WH-RENO', onHand: 14000 },
  { sku: SKU.nvme, location: 'WH-RENO', onHand: 3600 },
  { sku: SKU.cx6, location: 'WH-RENO', onHand: 3600 },
  { sku: SKU.cx6dual, location: 'WH-RENO', onHand: 900 },
  { sku: SKU.psu, location: 'WH-RENO', onHand: 2700 },
  { sku: SKU.ibSwitch, location: 'WH-RENO', onHand: 240 },
  { sku: SKU.mgmtSwitch, location: 'WH-RENO', onHand: 40 },
  // Phoenix receiving dock
  { sku: SKU.gpu, location: 'PHX1-DOCK', onHand: 800 },
  { sku: SKU.railKit, location: 'PHX1-DOCK', onHand: 300 },
  { sku: SKU.ibSwitch, location: 'PHX1-DOCK', onHand: 120 },
  { sku: SKU.dac, location: 'PHX1-DOCK', onHand: 4000 },
  { sku: SKU.aoc, location: 'PHX1-DOCK', onHand: 3200 },
  { sku: SKU.transceiver, location: 'PHX1-DOCK', onHand: 900 },
  { sku: SKU.mpo, location: 'PHX1-DOCK', onHand: 500 },
  { sku: SKU.rack, location: 'PHX1-DOCK', onHand: 60 },
  { sku: SKU.pdu, location: 'PHX1-DOCK', onHand: 120 },
  { sku: SKU.rdhx, location: 'PHX1-DOCK', onHand: 60 },
  { sku: SKU.hoseKit, location: 'PHX1-DOCK', onHand: 60 },
  { sku: SKU.pipe100, location: 'PHX1-DOCK', onHand: 600 },
  { sku: SKU.valve, location: 'PHX1-DOCK', onHand: 150 },
  { sku: SKU.glycol, location: 'PHX1-DOCK', onHand: 9000 },
  { sku: SKU.cableTray, location: 'PHX1-DOCK', onHand: 400 },
  { sku: SKU.labels, location: 'PHX1-DOCK', onHand: 20 },
  // Dallas logistics hub (facility gear)
  { sku: SKU.rack, location: 'WH-DALLAS', onHand: 80 },
  { sku: SKU.pdu, location: 'WH-DALLAS', onHand: 180 },
  { sku: SKU.rdhx, location: 'WH-DALLAS', onHand: 60 },
  { sku: SKU.hoseKit, location: 'WH-DALLAS', onHand: 60 },
  { sku: SKU.pipe100, location: 'WH-DALLAS', onHand: 1800 },
  { sku: SKU.pipe150, location: 'WH-DALLAS', onHand: 400 },
  { sku: SKU.valve, location: 'WH-DALLAS', onHand: 160 },
  { sku: SKU.busway, location: 'WH-DALLAS', onHand: 300 },
  { sku: SKU.cableTray, location: 'WH-DALLAS', onHand: 600 },
  { sku: SKU.ups, location: 'WH-DALLAS', onHand: 4 },
  { sku: SKU.switchboard, location: 'WH-DALLAS', onHand: 4 },
  { sku: SKU.cdu, location: 'WH-DALLAS', onHand: 2 },
  { sku: SKU.glycol, location: 'WH-DALLAS', onHand: 12000 },
  // Sites
  { sku: siteSku.rackPos('PHX1'), location: 'PHX1-HALL-A', onHand: 176 },
  { sku: siteSku.power('PHX1'), location: 'PHX1-HALL-A', onHand: 5000 },
  { sku: siteSku.cooling('PHX1'), location: 'PHX1-HALL-A', onHand: 4050 },
  { sku: siteSku.hallZone('DSM2'), location: 'DSM2-HALL-1', onHand: 2 },
  { sku: SKU.ups, location: 'DSM2-LAYDOWN', onHand: 4 },
  { sku: SKU.switchboard, location: 'DSM2-LAYDOWN', onHand: 4 },
  { sku: SKU.busway, location: 'DSM2-LAYDOWN', onHand: 260 },
  { sku: SKU.cdu, location: 'DSM2-LAYDOWN', onHand: 2 },
  { sku: SKU.pipe150, location: 'DSM2-LAYDOWN', onHand: 300 },
];

export function onHandTotal(sku: string): number {
  return DEMO_INVENTORY.filter((s) => s.sku === sku).reduce((sum, s) => sum + s.onHand, 0);
}
