// The person's own change sets this session, newest last: Ctrl+Z undoes the newest
// (the server writes a new change set putting the rows back), Ctrl+Shift+Z redoes
// the newest undone one. A new change clears what could be redone, as editors do.

export interface UndoStack {
  undo: readonly number[];
  redo: readonly number[];
}

export const EMPTY_UNDO: UndoStack = { undo: [], redo: [] };

export function pushCommitted(s: UndoStack, changeSetId: number): UndoStack {
  return { undo: [...s.undo, changeSetId], redo: [] };
}

export function nextUndo(s: UndoStack): number | undefined {
  return s.undo.at(-1);
}

export function nextRedo(s: UndoStack): number | undefined {
  return s.redo.at(-1);
}

/** After the server undid change set `id`. */
export function undone(s: UndoStack, id: number): UndoStack {
  return { undo: s.undo.filter((x) => x !== id), redo: [...s.redo, id] };
}

/** After the server redid change set `id` as the new change set `newId` (the one a later undo puts back). */
export function redone(s: UndoStack, id: number, newId: number): UndoStack {
  return { undo: [...s.undo, newId], redo: s.redo.filter((x) => x !== id) };
}
