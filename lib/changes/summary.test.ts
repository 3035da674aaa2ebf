import { describe, expect, it } from 'vitest';
import { summarizeChanges } from './summary';
import type { DiffEntry } from './types';

const moved = (index: number): DiffEntry => ({ index, entity: 'purchaseOrderLine', id: index + 1, label: `S/PO/${index}`, op: 'update', fields: [{ field: 'promisedDate', before: '2027-03-01', after: '2027-03-08' }] });

describe('the change-set summary sentence', () => {
  it("says what moving promised dates costs in GPU-days", () => {
    const diff = Array.from({ length: 12 }, (_, i) => moved(i));
    expect(summarizeChanges(diff, { tense: 'present', gpuDaysDelta: -38_400 })).toBe("Moving 12 lines' promised dates costs 38,400 GPU-days.");
    expect(summarizeChanges([moved(0)], { tense: 'present', gpuDaysDelta: 1_200 })).toBe("Moving 1 line's promised date gains 1,200 GPU-days.");
    expect(summarizeChanges([moved(0)], { tense: 'present', gpuDaysDelta: 0 })).toBe("Moving 1 line's promised date leaves GPU-days unchanged.");
  });

  it('lists each kind of change once per request row, in the past tense once committed', () => {
    const diff: DiffEntry[] = [
      moved(0),
      { index: 1, entity: 'purchaseOrderLine', id: 2, label: 'S/PO/2', op: 'receive', fields: [{ field: 'status', before: 'open', after: 'received' }] },
      // The same request row's stock balance does not count again.
      { index: 1, entity: 'inventoryBalance', id: 9, label: 'A @ W', op: 'receive', fields: [{ field: 'onHand', before: '1', after: '9' }] },
      { index: 2, entity: 'item', id: null, label: 'NEW', op: 'create', fields: [{ field: 'sku', before: null, after: 'NEW' }] },
      { index: 3, entity: 'item', id: null, label: 'NEW2', op: 'create', fields: [{ field: 'sku', before: null, after: 'NEW2' }] },
    ];
    expect(summarizeChanges(diff, { tense: 'past' })).toBe("Moved 1 line's promised date, received 1 line and created 2 items.");
    expect(summarizeChanges([], { tense: 'present' })).toBe('Nothing would change.');
  });
});
