// Spreadsheet keyboard navigation as a pure reducer: the active cell, the selected
// cell range (anchor to active), the selected rows and whether the active cell is
// being edited. The grid component turns key presses into these actions.

export interface CellPos {
  row: number;
  col: number;
}

export interface GridNavState {
  active: CellPos;
  /** The other corner of the selected range; null when only the active cell is selected. */
  anchor: CellPos | null;
  editing: boolean;
  /** Ids of rows selected with Space or the row checkbox. */
  selectedRows: ReadonlySet<number>;
}

export type GridNavAction =
  | { type: 'move'; dRow: number; dCol: number; extend?: boolean }
  | { type: 'home' | 'end'; ctrl?: boolean }
  | { type: 'page'; dir: 1 | -1; pageRows: number }
  | { type: 'tab'; back?: boolean }
  | { type: 'click'; pos: CellPos; extend?: boolean }
  | { type: 'edit' }
  | { type: 'cancel' }
  | { type: 'committed'; moveDown?: boolean }
  | { type: 'toggleRow'; id: number }
  | { type: 'setRows'; ids: readonly number[] }
  | { type: 'clearSelection' }
  | { type: 'bounds'; rows: number; cols: number };

export interface Bounds {
  rows: number;
  cols: number;
}

export const INITIAL_NAV: GridNavState = { active: { row: 0, col: 0 }, anchor: null, editing: false, selectedRows: new Set() };

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, Math.max(0, max - 1)));
const place = (p: CellPos, b: Bounds): CellPos => ({ row: clamp(p.row, b.rows), col: clamp(p.col, b.cols) });

function moveTo(s: GridNavState, to: CellPos, b: Bounds, extend = false): GridNavState {
  const active = place(to, b);
  return { ...s, active, editing: false, anchor: extend ? (s.anchor ?? s.active) : null };
}

export function gridNavReducer(s: GridNavState, a: GridNavAction, b: Bounds): GridNavState {
  switch (a.type) {
    case 'move':
      if (s.editing) return s;
      return moveTo(s, { row: s.active.row + a.dRow, col: s.active.col + a.dCol }, b, a.extend);
    case 'home':
      return moveTo(s, { row: a.ctrl ? 0 : s.active.row, col: 0 }, b);
    case 'end':
      return moveTo(s, { row: a.ctrl ? b.rows - 1 : s.active.row, col: b.cols - 1 }, b);
    case 'page':
      return moveTo(s, { row: s.active.row + a.dir * a.pageRows, col: s.active.col }, b);
    case 'tab': {
      // Tab moves on along the row and wraps to the next row, as a spreadsheet does; it also ends an edit.
      let { row, col } = s.active;
      col += a.back ? -1 : 1;
      if (col >= b.cols) [row, col] = [row + 1, 0];
      if (col < 0) [row, col] = [row - 1, b.cols - 1];
      if (row < 0 || row >= b.rows) return { ...s, editing: false };
      return moveTo(s, { row, col }, b);
    }
    case 'click':
      return moveTo(s, a.pos, b, a.extend);
    case 'edit':
      return b.rows > 0 ? { ...s, editing: true, anchor: null } : s;
    case 'cancel':
      return s.editing ? { ...s, editing: false } : { ...s, anchor: null };
    case 'committed':
      return a.moveDown ? moveTo(s, { row: s.active.row + 1, col: s.active.col }, b) : { ...s, editing: false };
    case 'toggleRow': {
      const selected = new Set(s.selectedRows);
      if (selected.has(a.id)) selected.delete(a.id);
      else selected.add(a.id);
      return { ...s, selectedRows: selected };
    }
    case 'setRows':
      return { ...s, selectedRows: new Set(a.ids) };
    case 'clearSelection':
      return { ...s, anchor: null, selectedRows: new Set() };
    case 'bounds':
      return { ...s, active: place(s.active, a), anchor: s.anchor ? place(s.anchor, a) : null, editing: s.editing && a.rows > 0 };
  }
}

/** The selected range's corners (top-left, bottom-right), the active cell alone when nothing is extended. */
export function selectedRange(s: GridNavState): { top: number; left: number; bottom: number; right: number } {
  const o = s.anchor ?? s.active;
  return {
    top: Math.min(o.row, s.active.row),
    bottom: Math.max(o.row, s.active.row),
    left: Math.min(o.col, s.active.col),
    right: Math.max(o.col, s.active.col),
  };
}

export function inRange(s: GridNavState, row: number, col: number): boolean {
  const r = selectedRange(s);
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey?: boolean;
}

/**
 * The navigation action for a key pressed on the grid (not inside an editor), or null
 * when the key is not the grid's. `activeRowId` is the active row's id, for Space.
 */
export function keyToNavAction(e: KeyLike, pageRows: number, activeRowId: number | undefined): GridNavAction | null {
  const ctrl = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  switch (e.key) {
    case 'ArrowUp':
      return { type: 'move', dRow: -1, dCol: 0, extend: e.shiftKey };
    case 'ArrowDown':
      return { type: 'move', dRow: 1, dCol: 0, extend: e.shiftKey };
    case 'ArrowLeft':
      return { type: 'move', dRow: 0, dCol: -1, extend: e.shiftKey };
    case 'ArrowRight':
      return { type: 'move', dRow: 0, dCol: 1, extend: e.shiftKey };
    case 'Home':
      return { type: 'home', ctrl };
    case 'End':
      return { type: 'end', ctrl };
    case 'PageDown':
      return { type: 'page', dir: 1, pageRows };
    case 'PageUp':
      return { type: 'page', dir: -1, pageRows };
    case 'Tab':
      return { type: 'tab', back: e.shiftKey };
    case 'Enter':
    case 'F2':
      return ctrl ? null : { type: 'edit' };
    case 'Escape':
      return { type: 'cancel' };
    case ' ':
      return activeRowId === undefined || ctrl ? null : { type: 'toggleRow', id: activeRowId };
    default:
      return null;
  }
}
