import type { z } from 'zod';
import { PURE_PARSERS, type PureParser } from './fields';

/**
 * The same validation as an entity's zod object schema, called straight through its
 * fields' pure parsers: a million-row import spends most of its parsing time in
 * zod's machinery otherwise. Returns undefined when any field fails (or is missing
 * from `input`), and the caller asks zod for the messages: the fast path only ever
 * accepts, never words an error, so the two cannot disagree on what people see.
 * A property test holds it to zod's output.
 */
export function compileFastParse<Row>(schema: z.ZodType<Row>): ((input: Record<string, string | undefined>) => Row | undefined) | null {
  const object = schema as unknown as { shape?: Record<string, z.ZodType>; _zod?: { def?: { checks?: unknown[] } } };
  const shape = object.shape;
  // Rules across fields (a BOM line's component must differ from its output) live in zod alone.
  if (!shape || (object._zod?.def?.checks?.length ?? 0) > 0) return null;
  const names: string[] = [];
  const parsers: PureParser[] = [];
  for (const [name, field] of Object.entries(shape)) {
    const pure = PURE_PARSERS.get(field);
    if (!pure) return null;
    names.push(name);
    parsers.push(pure);
  }
  return (input) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const { parse, quick, optional } = parsers[i]!;
      const value = input[name];
      if (value === undefined ? !optional : typeof value !== 'string') return undefined;
      // Nearly every cell of a real file is already canonical: confirmed without the parser's allocations.
      const quickValue = value === undefined ? undefined : quick(value);
      if (quickValue !== undefined) {
        out[name] = quickValue;
        continue;
      }
      const result = parse(value);
      if (!result.ok) return undefined;
      out[name] = result.value;
    }
    return out as Row;
  };
}
