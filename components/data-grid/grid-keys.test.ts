import { describe, expect, it } from 'vitest';
import { gridNavReducer, INITIAL_NAV, inRange, keyToNavAction, selectedRange, type GridNavAction, type GridNavState } from './grid-keys';

const B = { rows: 5, cols: 4 };
const run = (...actions: GridNavAction[]) => actions.reduce<GridNavState>((s, a) => gridNavReducer(s, a, B), INITIAL_NAV);
const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
  keyToNavAction({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, ...mods }, 10, 42);

describe('spreadsheet keyboard navigation', () => {
  it('arrows move the active cell and stop at the edges', () => {
    expect(run(key('ArrowDown')!, key('ArrowDown')!, key('ArrowRight')!).active).toEqual({ row: 2, col: 1 });
    expect(run(key('ArrowUp')!, key('ArrowLeft')!).active).toEqual({ row: 0, col: 0 });
    expect(run({ type: 'page', dir: 1, pageRows: 100 }).active).toEqual({ row: 4, col: 0 });
  });

  it('Shift+arrows and Shift+click extend a selection from where it started; a plain move collapses it', () => {
    const s = run(key('ArrowDown')!, key('ArrowDown', { shiftKey: true })!, key('ArrowRight', { shiftKey: true })!);
    expect(selectedRange(s)).toEqual({ top: 1, bottom: 2, left: 0, right: 1 });
    expect(inRange(s, 2, 1)).toBe(true);
    expect(inRange(s, 3, 1)).toBe(false);
    expect(run({ type: 'click', pos: { row: 3, col: 3 } }, { type: 'click', pos: { row: 1, col: 2 }, extend: true }).anchor).toEqual({ row: 3, col: 3 });
    expect(gridNavReducer(s, key('ArrowUp')!, B).anchor).toBeNull();
  });

  it('Enter or F2 edits, Esc cancels the edit, arrows do nothing while editing', () => {
    expect(key('Enter')).toEqual({ type: 'edit' });
    expect(key('F2')).toEqual({ type: 'edit' });
    const editing = run(key('ArrowDown')!, key('F2')!);
    expect(editing.editing).toBe(true);
    expect(gridNavReducer(editing, key('ArrowDown')!, B)).toBe(editing);
    expect(gridNavReducer(editing, key('Escape')!, B)).toMatchObject({ editing: false, active: { row: 1, col: 0 } });
  });

  it('Tab moves on along the row, wraps to the next, and ends an edit; Shift+Tab goes back', () => {
    expect(run({ type: 'click', pos: { row: 0, col: 3 } }, key('Tab')!).active).toEqual({ row: 1, col: 0 });
    expect(run({ type: 'click', pos: { row: 1, col: 0 } }, key('Tab', { shiftKey: true })!).active).toEqual({ row: 0, col: 3 });
    expect(run(key('Enter')!, key('Tab')!)).toMatchObject({ editing: false, active: { row: 0, col: 1 } });
  });

  it('Space toggles the active row in the selection; a committed edit moves down', () => {
    const s = run(key(' ')!);
    expect([...s.selectedRows]).toEqual([42]);
    expect([...gridNavReducer(s, key(' ')!, B).selectedRows]).toEqual([]);
    expect(run(key('Enter')!, { type: 'committed', moveDown: true })).toMatchObject({ editing: false, active: { row: 1, col: 0 } });
  });

  it('keeps the active cell inside the table when the rows shrink (a filter)', () => {
    const s = run({ type: 'click', pos: { row: 4, col: 3 } });
    expect(gridNavReducer(s, { type: 'bounds', rows: 2, cols: 4 }, B).active).toEqual({ row: 1, col: 3 });
  });

  it('leaves keys that are not the grid’s alone', () => {
    expect(key('a')).toBeNull();
    expect(key('Enter', { ctrlKey: true })).toBeNull();
    expect(key('z', { ctrlKey: true })).toBeNull();
  });
});
