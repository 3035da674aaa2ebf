import type { DemoSupplier } from './types';

export const DEMO_SUPPLIERS: DemoSupplier[] = [
  { code: 'NVIDIA', name: 'NVIDIA Corporation' },
  { code: 'SUPERMICRO', name: 'Super Micro Computer, Inc.' },
  { code: 'ARROW', name: 'Arrow Electronics (CPUs, memory, drives)' },
  { code: 'DELTA', name: 'Delta Electronics' },
  { code: 'AMPHENOL', name: 'Amphenol (HDR copper cables)' },
  { code: 'COHERENT', name: 'Coherent Corp. (AOCs and transceivers)' },
  { code: 'CORNING', name: 'Corning Optical Communications' },
  { code: 'RITTAL', name: 'Rittal' },
  { code: 'VERTIV', name: 'Vertiv (CDUs, rack PDUs)' },
  { code: 'MOTIVAIR', name: 'Motivair (rear-door heat exchangers)' },
  { code: 'FERGUSON', name: 'Ferguson Industrial (pipe and valves)' },
  { code: 'UNIVAR', name: 'Univar Solutions (coolant)' },
  { code: 'SCHNEIDER', name: 'Schneider Electric' },
  { code: 'EATON', name: 'Eaton' },
  { code: 'LEGRAND', name: 'Legrand (cable tray, Starline busway)' },
  { code: 'GRAYBAR', name: 'Graybar (labels and consumables)' },
  { code: 'CEMEX', name: 'CEMEX ready-mix concrete' },
  { code: 'MORTENSON', name: 'M. A. Mortenson Company (general contractor)' },
];
