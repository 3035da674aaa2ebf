// The demo's story as data, for a tour or tooltip in the UI. The prose version
// heads index.ts; story.test.ts checks it against the engine's forecast of the demo model.

export interface StoryPhase {
  /** Plan weeks (week 0 starts on the anchor Monday), inclusive. */
  fromWeek: number;
  toWeek: number;
  title: string;
  /** The SKU that gates the ramp in this phase, when one does. */
  gateSku?: string;
  /** The PO line behind the gate: the one to expedite or chase. */
  keyLine?: { supplier: string; poNumber: string; line: string };
  summary: string;
}

export const DEMO_STORY: StoryPhase[] = [
  {
    fromWeek: 0,
    toWeek: 12,
    title: 'Concrete at Des Moines',
    gateSku: 'CONCRETE-M3-DSM2',
    keyLine: { supplier: 'CEMEX', poNumber: 'PO-24338', line: '1' },
    summary:
      "Phoenix Hall A's 176 live rack positions (5,632 GPUs) fill by week 9 at the install crew's 80 nodes a week. " +
      "Des Moines's first slab is poured in week 6 and cures 28 days, so its positions only arrive from week 10. " +
      'Short of target in periods 2 and 3 (4,480 vs 4,800; about 6,600 vs 8,000).',
  },
  {
    fromWeek: 13,
    toWeek: 19,
    title: 'Slipped DN100 pipe',
    gateSku: 'PIPE-DN100-M',
    keyLine: { supplier: 'FERGUSON', poNumber: 'PO-24422', line: '2' },
    summary:
      "Ferguson's 6,000 m DN100 line, due in week 8, is now promised for week 19. The 3,600 m on hand or due sooner " +
      'plumbs about 280 racks, so GPUs online stall near 8,900 for six weeks while about 5,000 GPUs in built DGX nodes ' +
      'sit idle. Periods 4 and 5 fall short by 1,500 and 3,100.',
  },
  {
    fromWeek: 20,
    toWeek: 23,
    title: 'Catch-up',
    summary:
      'The pipe lands, Des Moines has positions waiting, and both crews run flat out (180 nodes a week): 14,400 vs ' +
      '13,200 at period 6 and 16,000 vs 14,800 at period 7.',
  },
  {
    fromWeek: 24,
    toWeek: 39,
    title: 'InfiniBand switches',
    gateSku: 'QM8700-HDR-40P',
    keyLine: { supplier: 'NVIDIA', poNumber: 'PO-24478', line: '20' },
    summary:
      'Each 20-node scalable unit needs 12 QM8700s. The 1,200 delivered by week 22 cable 100 SUs (16,000 GPUs); then ' +
      'NVIDIA ships 48 and 72, cancels a 96 line and consolidates 480 into week 38. 2,000–3,000 GPUs wait in built DGX ' +
      'nodes; periods 8–10 fall short (17,600 vs 20,000 at period 10).',
  },
  {
    fromWeek: 40,
    toWeek: 51,
    title: 'GPUs themselves',
    gateSku: 'A100-SXM4-80G',
    keyLine: { supplier: 'NVIDIA', poNumber: 'PO-24716', line: '1' },
    summary:
      'The switch shipment clears the backlog (21,328 vs 20,800 at period 11). After two cancelled lines NVIDIA ships ' +
      '640–880 GPUs a month and the week-50 lot lands too late, so the year ends at 22,848 against 24,000: pull in the ' +
      'week-55 line.',
  },
];
