import { importMappingSchema, validateMappingForKind, type ImportMapping } from '@/lib/mapping';
import type { ImportKind } from '@/lib/validation/import-kinds';

/**
 * A mapping sent with a request (URL-encoded JSON) or loaded from the database:
 * checked against the kind before any byte of the file is read.
 */
export function checkMapping(kind: ImportKind, json: unknown): { ok: true; mapping: ImportMapping } | { ok: false; error: string } {
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `Bad mapping: ${issue ? `${issue.path.join('.') || 'mapping'}: ${issue.message}` : 'invalid'}.` };
  }
  const problems = validateMappingForKind(kind, parsed.data);
  if (problems.length > 0) {
    return { ok: false, error: `Bad mapping: ${problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('; ')}.` };
  }
  return { ok: true, mapping: parsed.data };
}

export function parseMappingParam(kind: ImportKind, text: string): { ok: true; mapping: ImportMapping } | { ok: false; error: string } {
  if (text.length > 20_000) return { ok: false, error: 'Bad mapping: over 20,000 characters.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Bad mapping: not JSON.' };
  }
  return checkMapping(kind, json);
}
