'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, type RefObject } from 'react';
import { rowLabel, type TableDef } from '@/lib/tables/types';
import { selectedRange, type GridNavState } from './grid-keys';
import { findCell, GridRow, ROW_HEIGHT, type ColumnModel, type RowHandlers } from './grid-row';
import type { RowStore } from './row-store';
import styles from './data-grid.module.css';

// Every drawn row costs DOM and layout work on each frame of a fast scroll: a few rows either side
// are enough to hide a wheel's step, and pages load only where the view rests anyway.
const OVERSCAN = 4;

/** The rows drawn now (first and last index, overscan included): what a reload after a write fetches again. */
export interface ShownRows {
  first: number;
  last: number;
}

/**
 * The grid's rows: a virtual list over the whole answer, pages fetched as they come into view.
 * Its own component, so a scroll frame renders these rows and nothing else of the grid (toolbar,
 * header, dialogs): the scroll position is state in here only.
 */
export const GridBody = memo(function GridBody({
  def,
  store,
  scrollElement,
  gridFocused,
  shown,
  model,
  nav,
  canEdit,
  handlers,
}: {
  def: TableDef;
  store: RowStore;
  /** The store's snapshot: a new value whenever a row, the total or the error changed. */
  version: number;
  scrollElement: HTMLDivElement | null;
  /** Whether the person works in the grid (keyboard or click): only then does the view follow the active cell. */
  gridFocused: RefObject<boolean>;
  /** Written with the rows drawn after each render. */
  shown: RefObject<ShownRows>;
  model: ColumnModel;
  nav: GridNavState;
  canEdit: boolean;
  handlers: RowHandlers;
}) {
  const total = store.total;
  // A scroll made before the page's scripts ran (over the rows the server drew) is kept when the grid takes
  // over its scroller. The virtualizer moves a scroller it is handed to its own offset, and on the first
  // render (no scroller yet) it took 0 as that: so it is told the scroller's offset just before it is handed
  // the scroller (this effect is declared first, so it runs first in the same commit; the virtualizer is one
  // instance for the grid's life, made during the render before it).
  useLayoutEffect(() => {
    if (scrollElement && virtualizer.scrollElement !== scrollElement) virtualizer.scrollOffset = scrollElement.scrollTop;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the instance never changes
  }, [scrollElement]);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollPaddingStart: ROW_HEIGHT,
    initialRect: { width: 1200, height: 600 },
    // Scrolling renders in React's own time rather than synchronously inside each scroll event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    shown.current = { first: firstIndex, last: lastIndex };
  }, [shown, firstIndex, lastIndex]);
  // Only rows the view rests on are fetched: flinging through 200,000 rows asks for nothing until it stops.
  useEffect(() => {
    const t = setTimeout(() => store.ensure(firstIndex, lastIndex), 60);
    return () => clearTimeout(t);
  }, [store, firstIndex, lastIndex, total]);

  // The view follows the active cell (keyboard navigation, a click) while the person works in the grid.
  useEffect(() => {
    if (!gridFocused.current) return;
    virtualizer.scrollToIndex(nav.active.row, { align: 'auto' });
    const raf = requestAnimationFrame(() => {
      const el = findCell(scrollElement, nav.active.row, nav.active.col);
      if (!el) return;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      if (!nav.editing) el.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(raf);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow the active cell only
  }, [nav.active.row, nav.active.col, nav.editing]);

  // Rows are keyed by position, so after a scroll the focused element may show another row: focus moves
  // with the active cell (when it is drawn), as it would if the elements had scrolled with their rows.
  useLayoutEffect(() => {
    const focused = document.activeElement;
    if (!scrollElement || !(focused instanceof HTMLElement) || focused.getAttribute('role') !== 'gridcell' || !scrollElement.contains(focused)) return;
    const cell = findCell(scrollElement, nav.active.row, nav.active.col);
    if (cell && cell !== focused) cell.focus({ preventScroll: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- after the drawn rows moved only
  }, [firstIndex]);

  const range = selectedRange(nav);
  const rangeCols = useMemo(() => ({ left: range.left, right: range.right }), [range.left, range.right]);

  return (
    <div role="rowgroup" className={styles.body} style={{ height: virtualizer.getTotalSize(), width: model.totalWidth }}>
      {total === 0 && !store.loading ? <p className={styles.empty}>No rows match. Clear a filter or the search.</p> : null}
      {items.map((item, position) => {
        const row = store.row(item.index);
        const isActiveRow = nav.active.row === item.index;
        const editing = isActiveRow && nav.editing;
        const covered = nav.anchor !== null && item.index >= range.top && item.index <= range.bottom;
        return (
          <GridRow
            // Keyed by position on screen, not by index: on a scroll each drawn row takes the next row's
            // data into the same elements (text and attributes change) instead of every cell being created
            // and removed on each frame, and no element moves. The row being edited keeps its own key, so
            // its editor (and the draft in it) stays while the view scrolls.
            key={editing ? `editing-${item.index}` : position}
            index={item.index}
            start={item.start}
            row={row}
            label={row ? rowLabel(def, row) : ''}
            model={model}
            selected={row ? nav.selectedRows.has(row.id) : false}
            activeCol={isActiveRow ? nav.active.col : -1}
            editing={editing}
            range={covered ? rangeCols : null}
            canEdit={canEdit}
            handlers={handlers}
          />
        );
      })}
    </div>
  );
});
