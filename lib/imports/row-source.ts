import { createImportRowStream, type ImportMapping } from '@/lib/mapping';
import type { CanonicalRow, ImportKind } from '@/lib/validation/import-kinds';
import type { ValidatedRowSource } from './staged/run-staged';

export interface RowSourceOptions {
  file: string;
  /** A supplier's column mapping (lib/mapping); null reads the canonical format. */
  mapping: ImportMapping | null;
}

/**
 * The file's validated rows, streamed in batches, in whichever layout it was sent.
 * Duplicate keys are left to the staging step, which finds them without holding a
 * million keys. Small batches let rows die young: garbage collection stays cheap.
 */
export function openRowSource<K extends ImportKind>(kind: K, bytes: AsyncIterable<Uint8Array>, opts: RowSourceOptions): ValidatedRowSource<CanonicalRow<K>> {
  return createImportRowStream(kind, bytes, { file: opts.file, mapping: opts.mapping, checkDuplicateKeys: false, batchSize: 1_000 });
}

/** The file's own header for a canonical column, so messages name what the person sees. */
export function columnLabeller(mapping: { columns?: Record<string, string | null> } | null | undefined): (canonical: string) => string {
  if (!mapping?.columns) return (c) => c;
  const source = new Map<string, string>();
  for (const [header, canonical] of Object.entries(mapping.columns)) if (canonical && !source.has(canonical)) source.set(canonical, header);
  return (c) => source.get(c) ?? c;
}
