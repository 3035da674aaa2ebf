'use client';

import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { ColumnDef, ListRow } from '@/lib/tables/types';
import { CellEditor } from './cell-editor';
import { cellText } from './cell-text';
import styles from './data-grid.module.css';

export interface ColumnModel {
  cols: ColumnDef[];
  widths: number[];
  /** The sticky left offset of each pinned column; -1 for a column that scrolls. */
  stickyLeft: number[];
  /** Each column's cell style (width, sticky offset): the same objects from frame to frame, so React has nothing to compare. */
  cellStyles: CSSProperties[];
  totalWidth: number;
}

export interface RowHandlers {
  mouseDown: (e: MouseEvent, row: number, col: number) => void;
  edit: () => void;
  toggle: (id: number) => void;
  history: (row: ListRow) => void;
  commit: (row: ListRow, column: ColumnDef, raw: string, how: 'enter' | 'tab') => void;
  cancel: () => void;
}

export const SELECT_WIDTH = 40;
export const ACTIONS_WIDTH = 84;
export const ROW_HEIGHT = 34;

/**
 * The drawn cell at (row, col) of a grid, found by its ARIA indices (the header row is 1). Cells carry no ids:
 * an id per cell is an attribute to rewrite in every cell on every frame of a scroll.
 */
export function findCell(grid: HTMLElement | null, row: number, col: number): HTMLElement | null {
  return grid?.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${row + 2}"] > [role="gridcell"][aria-colindex="${col + 2}"]`) ?? null;
}

/**
 * One drawn row. Memoised on what it shows, so a render that changes nothing in it (a click
 * or a page loaded elsewhere) skips it; a scroll gives it another row to show (see grid-body).
 */
export const GridRow = memo(function GridRow({
  index,
  start,
  row,
  label,
  model,
  selected,
  activeCol,
  editing,
  range,
  canEdit,
  handlers,
}: {
  index: number;
  start: number;
  row: ListRow | undefined;
  label: string;
  model: ColumnModel;
  selected: boolean;
  /** The active cell's column when it is in this row, else -1. */
  activeCol: number;
  editing: boolean;
  /** The selected range's columns when it covers this row. */
  range: { left: number; right: number } | null;
  canEdit: boolean;
  handlers: RowHandlers;
}) {
  const { cols, stickyLeft, cellStyles, totalWidth } = model;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`${styles.row} ${selected ? styles.selectedRow : ''}`}
      style={{ height: ROW_HEIGHT, width: totalWidth, transform: `translateY(${start}px)` }}
    >
      <div role="gridcell" className={`${styles.cell} ${styles.select} ${styles.sticky}`} style={{ width: SELECT_WIDTH, left: 0 }}>
        {row ? <input type="checkbox" tabIndex={-1} checked={selected} aria-label={`Select ${label}`} onChange={() => handlers.toggle(row.id)} /> : null}
      </div>
      {cols.map((spec, ci) => {
        const isActive = activeCol === ci;
        const inRange = range !== null && ci >= range.left && ci <= range.right;
        const value = row?.[spec.key];
        const pinned = stickyLeft[ci]! >= 0;
        return (
          <div
            key={spec.key}
            role="gridcell"
            aria-colindex={ci + 2}
            aria-selected={range ? inRange : undefined}
            aria-readonly={!canEdit || !spec.edit}
            title={isActive && canEdit && spec.edit ? 'Enter or F2 to edit' : undefined}
            tabIndex={isActive ? 0 : -1}
            className={`${styles.cell} ${spec.value === 'decimal' || spec.value === 'int' ? styles.num : ''} ${pinned ? styles.sticky : ''} ${isActive ? styles.active : ''} ${inRange ? styles.inRange : ''}`}
            style={cellStyles[ci]}
            onMouseDown={(e) => handlers.mouseDown(e, index, ci)}
            onDoubleClick={() => canEdit && spec.edit && row && handlers.edit()}
          >
            {!row ? (
              <span className={styles.placeholder} aria-hidden="true" />
            ) : isActive && editing && spec.edit ? (
              <CellEditor column={spec} label={`${spec.label} of ${label}`} value={value} onCancel={handlers.cancel} onCommit={(raw, how) => handlers.commit(row, spec, raw, how)} />
            ) : spec.value === 'enum' ? (
              <span className={`badge ${String(value ?? '')}`}>{cellText(spec, value)}</span>
            ) : (
              cellText(spec, value)
            )}
          </div>
        );
      })}
      <div role="gridcell" className={`${styles.cell} ${styles.actions}`} style={{ width: ACTIONS_WIDTH }}>
        {row ? (
          <button type="button" tabIndex={-1} className="secondary small" aria-label={`History of ${label}`} onClick={() => handlers.history(row)}>
            History
          </button>
        ) : null}
      </div>
    </div>
  );
});
