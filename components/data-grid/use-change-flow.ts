'use client';

import { useCallback, useState } from 'react';
import type { TableDef } from '@/lib/tables/types';
import { resolveConflicts, type ConflictChoice, type EditProblem } from './change-set';
import { commitChanges, latestUndoable, previewChanges, undoOrRedo } from './changes-client';
import type { Change, ChangeSource, Conflict, Preview } from './contract';
import { EMPTY_UNDO, nextRedo, nextUndo, pushCommitted, redone, undone, type UndoStack } from './undo-stack';

export interface FlowState {
  open: boolean;
  def: TableDef | null;
  changes: Change[];
  source: ChangeSource;
  /** Values refused before any request (by row and field). */
  problems: EditProblem[];
  preview: Preview | null;
  conflicts: Conflict[];
  choices: Record<string, ConflictChoice>;
  busy: boolean;
  message: string | null;
}

const CLOSED: FlowState = { open: false, def: null, changes: [], source: 'edit', problems: [], preview: null, conflicts: [], choices: {}, busy: false, message: null };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * One change set from the person's action to the database: its dry-run preview
 * (errors, diff, the forecast's change), the commit, a conflict resolved field by
 * field and sent again at the current version, and undo/redo of what they committed.
 */
export function useChangeFlow({ onCommitted, announce }: { onCommitted: () => void; announce: (message: string) => void }) {
  const [state, setState] = useState<FlowState>(CLOSED);
  const [stack, setStack] = useState<UndoStack>(EMPTY_UNDO);

  const preview = useCallback(async (def: TableDef, changes: Change[], source: ChangeSource, problems: EditProblem[]) => {
    setState({ ...CLOSED, open: true, def, changes, source, problems, busy: problems.length === 0 && changes.length > 0 });
    if (problems.length > 0 || changes.length === 0) return;
    const r = await previewChanges(changes, source);
    setState((s) => (s.changes !== changes ? s : { ...s, busy: false, ...(r.ok ? { preview: r.preview, conflicts: r.preview.conflicts ?? [] } : { message: r.message }) }));
  }, []);

  const commit = useCallback(async () => {
    const { changes, source } = state;
    setState((s) => ({ ...s, busy: true, message: null }));
    const r = await commitChanges(changes, source);
    if (r.kind === 'committed') {
      setState(CLOSED);
      setStack((st) => pushCommitted(st, r.body.changeSetId));
      announce(`Saved: ${plural(r.body.applied, 'row')} changed (change set ${r.body.changeSetId}). Ctrl+Z undoes it.`);
      onCommitted();
    } else if (r.kind === 'invalid') {
      setState((s) => ({ ...s, busy: false, preview: { ...(s.preview ?? { diff: [], conflicts: [] }), errors: r.errors }, message: 'Nothing was saved: fix the errors below.' }));
    } else if (r.kind === 'conflict') {
      setState((s) => ({ ...s, busy: false, conflicts: r.conflicts, choices: {}, message: 'Someone changed these rows since you read them. Nothing was saved: choose which value to keep.' }));
    } else setState((s) => ({ ...s, busy: false, message: r.message }));
  }, [state, announce, onCommitted]);

  const choose = useCallback((key: string, choice: ConflictChoice) => setState((s) => ({ ...s, choices: { ...s.choices, [key]: choice } })), []);

  /** Sends the change set again at the rows' current versions with the values chosen, through a new preview. */
  const resend = useCallback(async () => {
    const { def, changes, conflicts, choices, source } = state;
    const next = resolveConflicts(changes, conflicts, choices);
    if (!def || next.length === 0) {
      setState(CLOSED);
      announce('Nothing left to send: you kept the other values.');
      return;
    }
    await preview(def, next, source, []);
  }, [state, preview, announce]);

  const close = useCallback(() => setState(CLOSED), []);

  const undoRedo = useCallback(
    async (what: 'undo' | 'redo') => {
      const id = what === 'undo' ? (nextUndo(stack) ?? (await latestUndoable())) : nextRedo(stack);
      if (id === undefined) return announce(what === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      const r = await undoOrRedo(id, what);
      if (r.kind === 'committed') {
        setStack((st) => (what === 'undo' ? undone(st, id) : redone(st, id, r.body.changeSetId)));
        announce(`${what === 'undo' ? 'Undone' : 'Redone'}: change set ${id} (${plural(r.body.applied, 'row')}).`);
        onCommitted();
      } else if (r.kind === 'conflict') {
        announce(`Not ${what === 'undo' ? 'undone' : 'redone'}: ${r.conflicts.map((c) => c.label).join(', ')} changed since. Nothing was written.`);
      } else announce(r.kind === 'failed' ? r.message : 'Nothing was written.');
    },
    [stack, announce, onCommitted],
  );

  return {
    ...state,
    start: (def: TableDef, changes: Change[], source: ChangeSource, problems: EditProblem[]) => void preview(def, changes, source, problems),
    commit: () => void commit(),
    choose,
    resend: () => void resend(),
    close,
    undo: () => undoRedo('undo'),
    redo: () => undoRedo('redo'),
  };
}

export type ChangeFlow = ReturnType<typeof useChangeFlow>;
