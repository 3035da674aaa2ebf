import { describe, expect, it } from 'vitest';
import { expandStockAdjustments, expandWithOrigins, stockSuppliersOf, type StoredAdjustment } from './stock-what-if';

const pending = [
  { supplier: 'PIPECO', sku: 'VALVE', location: 'PHX1', onHand: '3' },
  { supplier: 'GPUCO', sku: 'GPU', location: 'GPUCO-HUB', onHand: '64' },
  { supplier: 'PIPECO', sku: 'PIPE', location: 'PHX1-DOCK', onHand: '250.5' },
];

describe('supplier stock in a what-if', () => {
  it('turns "accept this supplier’s stock" into one setStock per waiting report of that supplier, in place and in a fixed order', () => {
    const stored: StoredAdjustment[] = [
      { kind: 'delaySupplier', supplier: 'GPUCO', days: 7 },
      { kind: 'acceptSupplierStock', supplier: 'PIPECO' },
      { kind: 'setLeadTime', outputSku: 'NODE', leadTimeDays: 3 },
    ];
    expect(expandWithOrigins(stored, pending)).toEqual({
      adjustments: [
        { kind: 'delaySupplier', supplier: 'GPUCO', days: 7 },
        { kind: 'setStock', sku: 'PIPE', location: 'PHX1-DOCK', onHand: '250.5' },
        { kind: 'setStock', sku: 'VALVE', location: 'PHX1', onHand: '3' },
        { kind: 'setLeadTime', outputSku: 'NODE', leadTimeDays: 3 },
      ],
      origins: [0, 1, 1, 2],
    });
    expect(expandStockAdjustments(stored, [...pending].reverse())).toEqual(expandWithOrigins(stored, pending).adjustments);
  });

  it('a supplier with nothing waiting adds nothing, and engine kinds pass through untouched', () => {
    const stored: StoredAdjustment[] = [{ kind: 'acceptSupplierStock', supplier: 'CABLECO' }, { kind: 'cancelLine', supplier: 'GPUCO', poNumber: 'PO-2', lineNo: 1 }];
    expect(expandStockAdjustments(stored, pending)).toEqual([{ kind: 'cancelLine', supplier: 'GPUCO', poNumber: 'PO-2', lineNo: 1 }]);
  });

  it('reads only the suppliers asked for, each once', () => {
    expect(
      stockSuppliersOf([
        { kind: 'acceptSupplierStock', supplier: 'PIPECO' },
        { kind: 'delaySupplier', supplier: 'GPUCO', days: 1 },
        { kind: 'acceptSupplierStock', supplier: 'PIPECO' },
        { kind: 'acceptSupplierStock', supplier: 'GPUCO' },
      ]),
    ).toEqual(['PIPECO', 'GPUCO']);
  });
});
