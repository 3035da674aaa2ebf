import type { ImportKind } from '@/lib/validation/import-kinds';

/** A mapping sent with a request (URL-encoded JSON): checked before any byte of the file is read. */
export function parseMappingParam(kind: ImportKind, text: string): { ok: true; mapping: unknown } | { ok: false; error: string } {
  if (text.length > 20_000) return { ok: false, error: 'Bad mapping: over 20,000 characters.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Bad mapping: not JSON.' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: 'Bad mapping: expected a JSON object.' };
  void kind;
  return { ok: true, mapping: json };
}
