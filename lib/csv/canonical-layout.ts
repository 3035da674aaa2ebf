import type { ImportSpec } from '@/lib/validation/import-spec';
import type { ColumnProblem, HeaderReader, RowLayout } from './import-parser';
import { unescapeCsvCell } from './write';

function unknownColumnMessage(columns: readonly string[], name: string): string {
  // Catch "SKU", "On Hand", "po-number": same column, different spelling.
  const normalised = name.toLowerCase().replace(/[\s-]+/g, '_');
  const match = columns.find((column) => column === normalised);
  return match ? `unknown column; did you mean "${match}"?` : `unknown column; expected ${columns.join(', ')}`;
}

/**
 * The canonical format's header: the exact column names of DESIGN.md, in any order, each
 * once, every required one present. Cells go to the schema as they are (export escaping
 * undone); errors name the canonical column.
 */
export function canonicalHeaderReader<Row extends object>(spec: ImportSpec<Row>): HeaderReader {
  const columnOfField = new Map<string, string>();
  for (const [column, field] of Object.entries(spec.fieldOf)) columnOfField.set(field, column);

  return (names) => {
    const problems: ColumnProblem[] = [];
    const firstPosition = new Map<string, number>();
    names.forEach((name, i) => {
      if (name === '') return problems.push({ column: null, message: `column ${i + 1} has no name` });
      const first = firstPosition.get(name);
      if (first !== undefined) return problems.push({ column: name, message: `duplicate column (columns ${first + 1} and ${i + 1})` });
      firstPosition.set(name, i);
      if (!(spec.columns as readonly string[]).includes(name)) problems.push({ column: name, message: unknownColumnMessage(spec.columns, name) });
    });
    for (const column of spec.required) {
      if (!firstPosition.has(column)) problems.push({ column, message: 'required column is missing' });
    }
    if (problems.length > 0) return problems;

    const fields = names.map((name) => (spec.fieldOf as Record<string, string>)[name] ?? name);
    const layout: RowLayout = {
      width: fields.length,
      read(cells) {
        const input: Record<string, string> = {};
        for (let i = 0; i < fields.length; i++) input[fields[i] as string] = unescapeCsvCell(cells[i] ?? '');
        return input;
      },
      locate: (field, message) => ({ column: columnOfField.get(field) ?? field, message }),
      columnAt(index) {
        const field = fields[index];
        return field === undefined ? null : (columnOfField.get(field) ?? null);
      },
    };
    return layout;
  };
}
