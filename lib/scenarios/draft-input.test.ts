import { describe, expect, it } from 'vitest';
import { jsonbOrder, parseDraftParam } from './draft-input';

describe('a draft what-if from the URL', () => {
  it('orders an adjustment’s keys as jsonb stores them, so a draft and the scenario saved from it share a forecast', () => {
    const a = jsonbOrder({ kind: 'delayLine', supplier: 'NV', poNumber: 'PO-1', lineNo: 2, days: 7 });
    expect(Object.keys(a)).toEqual(['days', 'kind', 'lineNo', 'poNumber', 'supplier']);
    expect(a).toEqual({ kind: 'delayLine', supplier: 'NV', poNumber: 'PO-1', lineNo: 2, days: 7 });
  });

  it('reads the adjustments parameter as JSON, or says why not', () => {
    expect(parseDraftParam(null)).toBeNull();
    expect(parseDraftParam('[{"kind":"cancelLine"}]')).toEqual({ ok: true, json: [{ kind: 'cancelLine' }] });
    expect(parseDraftParam('[{')).toEqual({ ok: false, message: 'adjustments: must be a JSON array of adjustments' });
  });
});
