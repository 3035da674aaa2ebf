import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFastParse } from './fast-parse';
import { IMPORT_KINDS, getImportSpec } from './import-kinds';

// Cells a file might hold: valid-looking values of every kind, and near misses.
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'A100-SXM4', 'pipe dn100', 'NVIDIA', 'nvidia', 'PO-1', '1', '0', '007', '12.50', '-1', '1e3', '1,5', '2026-02-28', '2026-02-30',
    '2024-02-29', 'open', 'OPEN', 'received', 'gpu', 'cooling', 'm', 'PHX1', '8', '2147483648', 'x'.repeat(70), '=1+2', '\u0007'),
  fc.string({ maxLength: 10 }),
);

describe('compileFastParse', () => {
  for (const kind of IMPORT_KINDS) {
    const spec = getImportSpec(kind);
    const fast = compileFastParse(spec.schema);
    it(`${kind}: accepts exactly what zod accepts, with the same output (or leaves it all to zod)`, () => {
      // The supplier kinds must get the fast path: they are the million-line files.
      if (kind === 'purchase-orders' || kind === 'inventory') expect(fast).not.toBeNull();
      if (!fast) return;
      const fields = Object.values(spec.fieldOf) as string[];
      fc.assert(
        fc.property(fc.array(fc.option(cell, { nil: undefined }), { minLength: fields.length, maxLength: fields.length }), (cells) => {
          const input: Record<string, string | undefined> = {};
          fields.forEach((f, i) => {
            if (cells[i] !== undefined) input[f] = cells[i];
          });
          const z = spec.schema.safeParse(input);
          const f = fast(input);
          if (f === undefined) expect(z.success).toBe(false);
          else expect(z.success && z.data).toEqual(f);
        }),
        { numRuns: 2_000 },
      );
    });
  }
});
