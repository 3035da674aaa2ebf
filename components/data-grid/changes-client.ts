// Calls to the change-set endpoints (CONTRACT-changes.md), each answer as a tagged
// result the grid shows: nothing here throws on a 4xx.
import type { Change, ChangeError, ChangeSource, Committed, Conflict, HistoryEvent, Preview } from './contract';

export type CommitResult =
  | { kind: 'committed'; body: Committed }
  | { kind: 'invalid'; errors: ChangeError[] }
  | { kind: 'conflict'; conflicts: Conflict[] }
  | { kind: 'failed'; message: string };

async function post(url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> } | { status: 0; json: Record<string, unknown> }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  } catch {
    return { status: 0, json: {} };
  }
}

function failure(status: number, json: Record<string, unknown>): string {
  if (status === 0) return 'The server could not be reached.';
  if (status === 404) return 'Saving changes is not available on this server yet.';
  if (status === 403) return 'Your role does not allow changes.';
  if (status === 413) return 'Too many changes in one go (at most 20,000).';
  return typeof json.error === 'string' ? json.error : `The server answered ${status}.`;
}

export async function previewChanges(changes: Change[], source: ChangeSource): Promise<{ ok: true; preview: Preview } | { ok: false; message: string }> {
  const { status, json } = await post('/api/changes', { changes, dryRun: true, source });
  if (status === 200) return { ok: true, preview: { errors: [], diff: [], conflicts: [], ...(json as Partial<Preview>) } };
  if (status === 422 && Array.isArray(json.errors)) return { ok: true, preview: { errors: json.errors as ChangeError[], diff: [], conflicts: [] } };
  return { ok: false, message: failure(status, json) };
}

export async function commitChanges(changes: Change[], source: ChangeSource): Promise<CommitResult> {
  const { status, json } = await post('/api/changes', { changes, dryRun: false, source });
  if (status === 200) return { kind: 'committed', body: json as unknown as Committed };
  if (status === 422) return { kind: 'invalid', errors: (json.errors as ChangeError[]) ?? [] };
  if (status === 409) return { kind: 'conflict', conflicts: (json.conflicts as Conflict[]) ?? [] };
  return { kind: 'failed', message: failure(status, json) };
}

/** POST /api/changes/<id>/undo or /redo. */
export async function undoOrRedo(id: number, what: 'undo' | 'redo'): Promise<CommitResult> {
  const { status, json } = await post(`/api/changes/${id}/${what}`);
  if (status === 200) return { kind: 'committed', body: json as unknown as Committed };
  if (status === 409) return { kind: 'conflict', conflicts: (json.conflicts as Conflict[]) ?? [] };
  return { kind: 'failed', message: failure(status, json) };
}

export interface PromiseRecord {
  promisedDate: string;
  source: string;
  actor: string;
  at: string;
}

export interface RowHistory {
  label?: string;
  line?: { firstPromisedDate?: string; promisedDate?: string; slipDays?: number | null; receivedDate?: string | null; receivedQty?: string | null };
  promises?: PromiseRecord[];
  events: HistoryEvent[];
}

export async function fetchHistory(url: string): Promise<{ ok: true; history: RowHistory } | { ok: false; message: string }> {
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) return { ok: false, message: failure(res.status, json) === 'Saving changes is not available on this server yet.' ? 'History is not available on this server yet.' : failure(res.status, json) };
    return { ok: true, history: { events: [], ...(json as Partial<RowHistory>) } };
  } catch {
    return { ok: false, message: 'The server could not be reached.' };
  }
}

interface ChangeSetSummary {
  id: number;
  source: string;
  undoneBy: number | null;
  undoes: number | null;
}

/**
 * The person's newest change set that can still be undone (not undone, not itself an
 * undo), from GET /api/changes?mine=1: what Ctrl+Z undoes after a reload, when this
 * page has not committed anything yet.
 */
export async function latestUndoable(): Promise<number | undefined> {
  try {
    const res = await fetch('/api/changes?mine=1&limit=20', { headers: { accept: 'application/json' } });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { changeSets?: ChangeSetSummary[] };
    return body.changeSets?.find((c) => c.undoneBy === null && c.undoes === null && c.source !== 'undo')?.id;
  } catch {
    return undefined;
  }
}
