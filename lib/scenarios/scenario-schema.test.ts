import { describe, expect, it } from 'vitest';
import { ADJUSTMENT_KINDS, describeScenarioIssue, parseAdjustments, scenarioInputSchema, scenarioIssuesOf } from './scenario-schema';

describe('the scenario schema shared by the API, the dashboard and the CLI', () => {
  it('accepts every adjustment kind the README lists, keeping decimals as text', () => {
    const all = [
      { kind: 'delaySupplier', supplier: 'NVIDIA', days: 56 },
      { kind: 'delayLine', supplier: 'NVIDIA', poNumber: 'PO-1', lineNo: 2, days: -14 },
      { kind: 'scaleLine', supplier: 'NVIDIA', poNumber: 'PO-1', lineNo: 2, factor: 0.5 },
      { kind: 'cancelLine', supplier: 'NVIDIA', poNumber: 'PO-1', lineNo: 3 },
      { kind: 'addLine', supplier: 'NVIDIA', poNumber: 'WHATIF-1', lineNo: 1, sku: 'A100-SXM4-80G', qty: '1600', promisedDate: '2027-03-01' },
      { kind: 'setLeadTime', outputSku: 'DGX-A100', leadTimeDays: 7 },
      { kind: 'setWeeklyLimit', outputSku: 'DGX-A100', maxStartsPerWeek: null },
      { kind: 'setStock', sku: 'A100-SXM4-80G', location: 'WH-RENO', onHand: '12.5' },
      { kind: 'acceptSupplierStock', supplier: 'NVIDIA' },
    ];
    const parsed = parseAdjustments(all);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.adjustments.map((a) => a.kind)).toEqual([...ADJUSTMENT_KINDS]);
    expect(parsed.adjustments[2]).toMatchObject({ factor: '0.5' });
    expect(parsed.adjustments[1]).toMatchObject({ days: -14 });
  });

  it('names the offending adjustment by its index and field', () => {
    const r = scenarioInputSchema.safeParse({
      name: 'slip',
      adjustments: [
        { kind: 'delaySupplier', supplier: 'NVIDIA', days: 56 },
        { kind: 'delayLine', supplier: 'NVIDIA', poNumber: 'PO-1', lineNo: 2, days: 1.5 },
        { kind: 'addLine', supplier: 'NVIDIA', poNumber: 'X', lineNo: 1, sku: 'A100', qty: '-3', promisedDate: '2027-02-30' },
      ],
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    const issues = scenarioIssuesOf(r.error);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, field: 'days' }),
        expect.objectContaining({ index: 2, field: 'qty' }),
        expect.objectContaining({ index: 2, field: 'promisedDate' }),
      ]),
    );
    expect(issues.some((i) => i.index === 0)).toBe(false);
    expect(describeScenarioIssue(issues.find((i) => i.index === 1)!)).toBe('adjustments[1].days: must be a whole number of days');
  });

  it('refuses an unknown kind naming the kinds it takes, and a list that is not an array', () => {
    const r = parseAdjustments([{ kind: 'delayEverything', days: 3 }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ index: 0, field: 'kind' });
    expect(r.issues[0]!.message).toContain('delaySupplier');
    const notList = parseAdjustments({ kind: 'delaySupplier' });
    expect(notList.ok).toBe(false);
    if (!notList.ok) expect(notList.issues[0]!.message).toBe('must be a JSON array of adjustments');
  });

  it('requires a name without slashes or control characters, and a horizon within four years', () => {
    const r = scenarioInputSchema.safeParse({ name: 'a/b', adjustments: [], horizonDays: 5000 });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(scenarioIssuesOf(r.error).map((i) => i.field).sort()).toEqual(['horizonDays', 'name']);
    expect(scenarioInputSchema.safeParse({ name: ' Pipe slips 6 weeks ', adjustments: [] }).data?.name).toBe('Pipe slips 6 weeks');
  });
});
