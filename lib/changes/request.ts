import { changeRequestSchema, changeSchema, type ChangeSource } from '@/lib/validation/change-set';
import type { ChangeError, ChangeRow } from './types';

export type ParsedRequest =
  | { ok: true; changes: ChangeRow[]; envelopeErrors: ChangeError[]; dryRun: boolean; source: ChangeSource }
  | { ok: false; message: string; issues: { path: string; message: string }[] };

/**
 * A POST /api/changes body: the request's own shape (400/422 as a whole when wrong), then each
 * change's envelope, whose mistakes are errors of that row and field like any other.
 */
export function parseChangeRequest(body: unknown): ParsedRequest {
  const parsed = changeRequestSchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, message: 'Send { "changes": [ … ], "dryRun"?: boolean, "source"?: "edit" | "bulk" | "paste" | "form" }.', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }
  const changes: ChangeRow[] = [];
  const envelopeErrors: ChangeError[] = [];
  parsed.data.changes.forEach((raw, index) => {
    const c = changeSchema.safeParse(raw);
    if (c.success) {
      changes.push({ index, ...c.data });
      return;
    }
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const entity = typeof r.entity === 'string' ? r.entity.slice(0, 64) : 'unknown';
    for (const issue of c.error.issues) {
      envelopeErrors.push({
        index,
        entity,
        id: typeof r.id === 'number' ? r.id : null,
        label: null,
        field: issue.path.length > 0 ? issue.path.map(String).join('.') : null,
        message: issue.message,
      });
    }
  });
  return { ok: true, changes, envelopeErrors, dryRun: parsed.data.dryRun ?? false, source: parsed.data.source };
}
