import type { UndoResult } from './commit';

/** What POST /api/changes/<id>/undo and /redo answer: status and body (CONTRACT-changes.md). */
export function reverseResponse(id: number, result: UndoResult): { status: number; body: Record<string, unknown> } {
  switch (result.outcome) {
    case 'not-found':
      return { status: 404, body: { error: `No change set #${id}.` } };
    case 'refused':
      return { status: 409, body: { error: result.message, conflicts: [] } };
    case 'conflict':
      return { status: 409, body: { error: 'Rows were changed since: nothing was put back.', conflicts: result.conflicts } };
    case 'invalid':
      return { status: 422, body: { errors: result.errors } };
    case 'committed':
      return { status: 200, body: { changeSetId: result.changeSetId, applied: result.applied } };
  }
}
