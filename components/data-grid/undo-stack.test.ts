import { describe, expect, it } from 'vitest';
import { EMPTY_UNDO, nextRedo, nextUndo, pushCommitted, redone, undone } from './undo-stack';

describe('the undo and redo stacks of one person’s change sets', () => {
  it('undoes newest first, redoes the newest undone, and a redo can be undone again', () => {
    let s = pushCommitted(pushCommitted(EMPTY_UNDO, 41), 42);
    expect(nextUndo(s)).toBe(42);
    s = undone(s, 42);
    expect([nextUndo(s), nextRedo(s)]).toEqual([41, 42]);
    s = redone(s, 42, 44);
    expect([nextUndo(s), nextRedo(s)]).toEqual([44, undefined]);
  });

  it('a new change clears what could be redone', () => {
    const s = pushCommitted(undone(pushCommitted(EMPTY_UNDO, 7), 7), 8);
    expect(s).toEqual({ undo: [8], redo: [] });
  });
});
