import type { HeaderReader, RowLayout } from '@/lib/csv/import-parser';
import { unescapeCsvCell } from '@/lib/csv/write';
import type { ImportKind } from '@/lib/validation/import-kinds';
import type { ImportMapping } from './mapping';
import { applySlots, createRowMapper, type MappingSlot } from './row-mapper';

/**
 * A supplier's header read through their mapping: rows are converted by the row mapper,
 * export escaping is undone, and every error names the supplier's own column, which is
 * what the person sees when they open their file.
 */
export function mappedHeaderReader(kind: ImportKind, mapping: ImportMapping): HeaderReader {
  return (names) => {
    const mapper = createRowMapper(kind, names, mapping);
    if (mapper.problems.length > 0) return mapper.problems;
    const slots = mapper.slots;
    const slotOfField = new Map<string, MappingSlot>(slots.map((slot) => [slot.field, slot]));

    const layout: RowLayout = {
      width: names.length,
      allowBlankOverflow: true,
      read(fields, fail) {
        const input: Record<string, string> = {};
        applySlots(slots, fields, 'field', input, (slot, message) => fail(slot.field, slot.header, message + slot.suffix), unescapeCsvCell);
        return input;
      },
      locate(field, message) {
        const slot = slotOfField.get(field);
        if (!slot) return { column: null, message };
        if (slot.header === null) {
          // A bad constant fails every row alike: said once, about the mapping.
          return { column: null, message: `the mapping's constant for ${slot.column} ("${slot.constant}"): ${message}`, fatal: true };
        }
        return { column: slot.header, message: message + slot.suffix };
      },
      columnAt: (index) => names[index] || null,
    };
    return layout;
  };
}
