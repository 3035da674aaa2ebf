'use client';

import {
  functionalUpdate,
  useTable,
  type ColumnDef as TanColumnDef,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { TABLES } from '@/lib/tables/definitions';
import type { SavedViewRow, TableSettings } from '@/lib/tables/preferences';
import { type ListPage, type ListRow, type SortKey, type TableName } from '@/lib/tables/types';
import { BulkBar } from './bulk-bar';
import { buildBulkChanges, buildCellChanges, type BulkAction, type CellEdit } from './change-set';
import { ChangeDialog } from './change-dialog';
import { gridNavReducer, INITIAL_NAV, keyToNavAction, selectedRange, type GridNavAction, type GridNavState } from './grid-keys';
import { HistoryDrawer } from './history-drawer';
import { initialLayout } from './layout';
import { parseTsv, placePaste } from './paste';
import { fetchListJson, PAGE_ROWS, RowStore } from './row-store';
import { gridFeatures as features } from './grid-features';
import { GridToolbar } from './grid-toolbar';
import { GridBody, type ShownRows } from './grid-body';
import { ACTIONS_WIDTH, findCell, ROW_HEIGHT, SELECT_WIDTH, type ColumnModel, type RowHandlers } from './grid-row';
import { useChangeFlow } from './use-change-flow';
import { gridStateToParams, pageUrl, parseGridState, type GridQueryState } from './url-state';
import styles from './data-grid.module.css';

const NO_ROWS: ListRow[] = [];

export interface DataGridProps {
  table: TableName;
  /** The page's query string (filters, sort, search) and the first page of its rows, rendered on the server. */
  initialQuery: string;
  initialPage: ListPage;
  initialSettings: TableSettings | null;
  initialViews: SavedViewRow[];
  canEdit: boolean;
}

function sortingOf(sort: readonly SortKey[]): SortingState {
  return sort.map((k) => ({ id: k.field, desc: k.dir === 'desc' }));
}

function sameSort(a: readonly SortKey[], b: readonly SortKey[]): boolean {
  return a.length === b.length && a.every((k, i) => k.field === b[i]!.field && k.dir === b[i]!.dir);
}

/**
 * A server-backed spreadsheet of one table: sorted, filtered and searched by the list
 * endpoint, rows fetched as they scroll into view, keyboard navigation, inline edits,
 * pastes and bulk actions as previewed change sets, undo and redo.
 */
export function DataGrid({ table: tableName, initialQuery, initialPage, initialSettings, initialViews, canEdit }: DataGridProps) {
  const def = TABLES[tableName];
  const [query, setQuery] = useState<GridQueryState>(() => parseGridState(def, initialQuery));
  const [store] = useState(() => {
    const first = parseGridState(def, initialQuery);
    return new RowStore(fetchListJson, { query: pageUrl(def, first, 0, PAGE_ROWS), pageUrl: (c) => pageUrl(def, first, c, PAGE_ROWS), page: initialPage });
  });
  const version = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const total = store.total;

  // A link to this page with another query (say "Lines that matter first") renders it again with that query
  // but keeps this component and its state: the grid takes the new query, as a fresh load of that URL would.
  const firstQuery = useRef(initialQuery);
  useEffect(() => {
    if (firstQuery.current === initialQuery) return;
    firstQuery.current = initialQuery;
    setQuery(parseGridState(def, initialQuery));
  }, [def, initialQuery]);

  // The URL carries the state (shareable, survives a reload); the store follows it.
  useEffect(() => {
    const qs = gridStateToParams(def, query).toString();
    if (qs !== window.location.search.replace(/^\?/, '')) window.history.replaceState(null, '', qs ? `?${qs}` : window.location.pathname);
    store.setQuery(pageUrl(def, query, 0, PAGE_ROWS), (c) => pageUrl(def, query, c, PAGE_ROWS));
  }, [def, query, store]);

  // ---- Columns: TanStack Table holds visibility, order, widths, pinning and the sort.
  const [layout, setLayout] = useState<TableSettings>(() => initialLayout(def, initialSettings));
  const columns = useMemo<TanColumnDef<typeof features, ListRow>[]>(
    () => def.columns.map((c) => ({ id: c.key, accessorKey: c.key, header: c.label, size: c.width, minSize: 50, maxSize: 1200, enableSorting: c.sortable, sortDescFirst: false })),
    [def],
  );
  const effectiveSort = query.sort.length > 0 ? query.sort : def.defaultSort;
  const sorting = useMemo(() => sortingOf(effectiveSort), [effectiveSort]);
  const slice =
    <K extends keyof TableSettings>(key: K) =>
    (u: Updater<TableSettings[K]>) =>
      setLayout((l) => ({ ...l, [key]: functionalUpdate(u, l[key]) }));
  const table = useTable({
    features,
    columns,
    data: NO_ROWS,
    manualSorting: true,
    maxMultiSortColCount: 4,
    enableSortingRemoval: true,
    isMultiSortEvent: (e) => (e as { shiftKey?: boolean }).shiftKey === true,
    columnResizeMode: 'onChange',
    state: { sorting, columnVisibility: layout.columnVisibility, columnOrder: layout.columnOrder, columnSizing: layout.columnSizing, columnPinning: layout.columnPinning },
    onSortingChange: (u) => {
      const next: SortKey[] = functionalUpdate(u, sorting).map((s) => ({ field: s.id, dir: s.desc ? 'desc' : 'asc' }));
      setQuery((q) => ({ ...q, sort: sameSort(next, def.defaultSort) ? [] : next }));
    },
    onColumnVisibilityChange: slice('columnVisibility'),
    onColumnOrderChange: slice('columnOrder'),
    onColumnSizingChange: slice('columnSizing'),
    onColumnPinningChange: (u) =>
      setLayout((l) => {
        const p = functionalUpdate(u, l.columnPinning);
        return { ...l, columnPinning: { start: p.start ?? [], end: p.end ?? [] } };
      }),
  });
  const visible = [...table.getStartVisibleLeafColumns(), ...table.getCenterVisibleLeafColumns(), ...table.getEndVisibleLeafColumns()];
  const pinnedCount = table.getStartVisibleLeafColumns().length;
  // One column model per layout, so drawn rows (memoised) re-render only when it really changes.
  const model = useMemo<ColumnModel>(() => {
    const widths = visible.map((c) => c.getSize());
    const stickyLeft: number[] = [];
    widths.reduce((left, w, i) => (stickyLeft.push(i < pinnedCount ? left : -1), left + w), SELECT_WIDTH);
    return {
      cols: visible.map((c) => def.columns.find((d) => d.key === c.id)!),
      widths,
      stickyLeft,
      cellStyles: widths.map((width, i) => (stickyLeft[i]! >= 0 ? { width, left: stickyLeft[i] } : { width })),
      totalWidth: SELECT_WIDTH + widths.reduce((a, b) => a + b, 0) + ACTIONS_WIDTH,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the visible columns and their sizes are a function of the layout
  }, [def, layout, pinnedCount]);
  const { cols, widths, stickyLeft, totalWidth } = model;

  // The layout is the person's own: saved (a moment after the last change) for next time.
  const firstLayout = useRef(true);
  useEffect(() => {
    if (firstLayout.current) {
      firstLayout.current = false;
      return;
    }
    const t = setTimeout(() => {
      void fetch(`/api/table-preferences/${def.name}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(layout) });
    }, 400);
    return () => clearTimeout(t);
  }, [def.name, layout]);

  // ---- Rows: drawn by the grid body (its own component: a scroll frame renders only rows), which reports what it shows.
  // State, not a ref: the body's virtualizer needs the element once it exists (a child renders before its parent's ref is set).
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);

  // A sort the person did not click (a link such as "Lines that matter first", or a URL opened) may be on a
  // column scrolled out of sight to the right: the grid brings that column into view, beside the pinned
  // ones, so the arrow saying how the rows are ordered is on screen. Only horizontally, and only when the
  // sorted column changes; a column already in view stays where it is.
  const sortedField = query.sort[0]?.field ?? null;
  const shownSort = useRef<string | null>(null);
  useEffect(() => {
    if (!scrollElement || sortedField === shownSort.current) return;
    shownSort.current = sortedField;
    const i = sortedField ? cols.findIndex((c) => c.key === sortedField) : -1;
    if (i < 0 || stickyLeft[i]! >= 0) return;
    const pinned = SELECT_WIDTH + widths.slice(0, pinnedCount).reduce((a, b) => a + b, 0);
    const left = SELECT_WIDTH + widths.slice(0, i).reduce((a, b) => a + b, 0);
    const right = left + widths[i]!;
    const view = scrollElement.clientWidth;
    const at = scrollElement.scrollLeft;
    if (left < at + pinned) scrollElement.scrollTo({ left: left - pinned });
    else if (right > at + view) scrollElement.scrollTo({ left: Math.min(left - pinned, right - view) });
  }, [sortedField, scrollElement, cols, widths, stickyLeft, pinnedCount]);
  const shown = useRef<ShownRows>({ first: 0, last: 0 });
  // The server rendered the page again (a server action such as accepting a stock report): the rows on
  // screen come again from the list, so they show what the action wrote.
  const firstPage = useRef(initialPage);
  useEffect(() => {
    if (firstPage.current === initialPage) return;
    firstPage.current = initialPage;
    store.reload(shown.current.first, shown.current.last);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server sends a new first page
  }, [initialPage]);
  // A performance mark for the benchmark (and the browser's profiler): the first rows are on screen.
  useEffect(() => {
    requestAnimationFrame(() => performance.mark('grid:first-rows'));
  }, []);

  // ---- Keyboard navigation and selection.
  const [nav, setNav] = useState<GridNavState>(INITIAL_NAV);
  const bounds = useMemo(() => ({ rows: total, cols: cols.length }), [total, cols.length]);
  const dispatch = useCallback((a: GridNavAction) => setNav((s) => gridNavReducer(s, a, bounds)), [bounds]);
  // Fewer rows or columns (another filter, a hidden column): the active cell and range stay inside them.
  const [navBounds, setNavBounds] = useState(bounds);
  if (navBounds !== bounds) {
    setNavBounds(bounds);
    setNav((s) => gridNavReducer(s, { type: 'bounds', ...bounds }, bounds));
  }
  // Another filter, sort or search is another list: a selection of the old one means nothing in it.
  const [selectionQuery, setSelectionQuery] = useState(query);
  if (selectionQuery !== query) {
    setSelectionQuery(query);
    setNav((s) => ({ ...s, anchor: null, editing: false, selectedRows: new Set() }));
  }
  const gridFocused = useRef(false);

  // ---- Writes: every edit, paste and bulk action is a previewed change set.
  const [announcement, setAnnouncement] = useState('');
  const reloadVisible = useCallback(() => store.reload(shown.current.first, shown.current.last), [store]);
  const flow = useChangeFlow({ onCommitted: reloadVisible, announce: setAnnouncement });
  const [historyOf, setHistoryOf] = useState<ListRow | null>(null);
  // When the preview dialog closes after an inline edit or a paste, the cell editor that had focus is gone and
  // focus falls to the page: give it back to the active cell, so Ctrl+Z right after "Save changes" undoes, as
  // in a spreadsheet. Focus the browser restored elsewhere (the bulk bar's button) is left alone.
  const dialogWasOpen = useRef(false);
  useEffect(() => {
    const closed = dialogWasOpen.current && !flow.open;
    dialogWasOpen.current = flow.open;
    if (!closed) return;
    const raf = requestAnimationFrame(() => {
      const current = document.activeElement;
      if (current && current !== document.body) return;
      findCell(scrollElement, nav.active.row, nav.active.col)?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(raf);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the dialog closes
  }, [flow.open]);

  const range = selectedRange(nav);
  const bulkRows = useMemo(() => {
    if (nav.selectedRows.size > 0) return store.findRows(nav.selectedRows);
    if (range.bottom > range.top) {
      const rows: ListRow[] = [];
      for (let i = range.top; i <= range.bottom; i++) {
        const r = store.row(i);
        if (r) rows.push(r);
      }
      return rows;
    }
    return [];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rows come from the store, which changes with its snapshot
  }, [nav.selectedRows, range.top, range.bottom, total, version]);

  function commitCell(edit: CellEdit, moveDown: boolean) {
    const { changes, problems } = buildCellChanges(def, [edit]);
    dispatch({ type: 'committed', moveDown });
    if (changes.length > 0 || problems.length > 0) flow.start(def, changes, 'edit', problems);
  }

  function runBulk(action: BulkAction) {
    const { changes, problems } = buildBulkChanges(def, bulkRows, action);
    if (changes.length === 0 && problems.length === 0) setAnnouncement('Nothing to change: the selected rows already have that value.');
    else flow.start(def, changes, 'bulk', problems);
  }

  function onPaste(e: React.ClipboardEvent) {
    if (!canEdit || nav.editing) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const { cells, dropped } = placePaste(parseTsv(text), range, bounds);
    const edits: CellEdit[] = [];
    let unloaded = 0;
    for (const c of cells) {
      const row = store.row(c.row);
      if (row) edits.push({ row, column: cols[c.col]!, raw: c.raw });
      else unloaded += 1;
    }
    const { changes, problems } = buildCellChanges(def, edits);
    if (dropped + unloaded > 0) problems.push({ label: def.title, field: '', message: `${dropped + unloaded} pasted cell${dropped + unloaded === 1 ? '' : 's'} fell outside the table and were left out` });
    flow.start(def, changes, 'paste', problems);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (nav.editing || flow.open) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (e.key === 'z' || e.key === 'Z' || e.key === 'y')) {
      if (!canEdit) return;
      e.preventDefault();
      void (e.shiftKey || e.key === 'y' ? flow.redo() : flow.undo());
      return;
    }
    const active = store.row(nav.active.row);
    const pageRows = Math.max(1, Math.floor((scrollElement?.clientHeight ?? 600) / ROW_HEIGHT) - 2);
    const action = keyToNavAction(e, pageRows, active?.id);
    if (!action) return;
    if (action.type === 'edit') {
      const column = cols[nav.active.col];
      if (!canEdit || !column?.edit || !active) return;
    }
    if (action.type === 'tab') {
      const atEnd = e.shiftKey ? nav.active.row === 0 && nav.active.col === 0 : nav.active.row >= total - 1 && nav.active.col >= cols.length - 1;
      if (atEnd) return; // let Tab leave the grid
    }
    e.preventDefault();
    dispatch(action);
  }

  // The rows' handlers stay the same functions from render to render (rows are memoised); they call the latest code.
  const showHistory = setHistoryOf;
  const latest = useRef({ nav, dispatch, commitCell, showHistory });
  useEffect(() => {
    latest.current = { nav, dispatch, commitCell, showHistory };
  });
  const [handlers] = useState<RowHandlers>(() => ({
    mouseDown: (e, row, col) => {
      const { nav: n, dispatch: d } = latest.current;
      if (n.editing && n.active.row === row && n.active.col === col) return;
      gridFocused.current = true;
      d({ type: 'click', pos: { row, col }, extend: e.shiftKey });
      if (e.shiftKey) e.preventDefault(); // no text selection while extending
    },
    edit: () => latest.current.dispatch({ type: 'edit' }),
    toggle: (id) => latest.current.dispatch({ type: 'toggleRow', id }),
    history: (row) => latest.current.showHistory(row),
    commit: (row, column, raw, how) => {
      latest.current.commitCell({ row, column, raw }, how === 'enter');
      if (how === 'tab') latest.current.dispatch({ type: 'tab' });
    },
    cancel: () => latest.current.dispatch({ type: 'cancel' }),
  }));
  const resetLayout = useCallback(() => setLayout(initialLayout(def, null)), [def]);

  return (
    <div className={styles.wrap}>
      <GridToolbar
        def={def}
        query={query}
        onQuery={setQuery}
        total={total}
        loading={store.loading}
        table={table}
        layout={layout}
        onResetLayout={resetLayout}
        views={initialViews}
      />
      {store.error ? (
        <div className="alert error" role="alert">
          {store.error}
        </div>
      ) : null}
      {canEdit && bulkRows.length > 0 ? <BulkBar def={def} count={bulkRows.length} singleQty={bulkRows.length === 1 ? String(bulkRows[0]!.qty ?? '') : undefined} onRun={runBulk} onClear={() => dispatch({ type: 'clearSelection' })} /> : null}
      <p className={styles.status} role="status" aria-live="polite">
        {announcement}
      </p>
      <div
        ref={setScrollElement}
        className={styles.scroll}
        role="grid"
        aria-label={def.title}
        aria-rowcount={total + 1}
        aria-colcount={cols.length + 2}
        aria-multiselectable="true"
        aria-readonly={!canEdit}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onFocus={() => {
          gridFocused.current = true;
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) gridFocused.current = false;
        }}
      >
        <div role="rowgroup" className={styles.head} style={{ width: totalWidth }}>
          <div role="row" aria-rowindex={1} className={styles.row} style={{ width: totalWidth }}>
            <div role="columnheader" className={`${styles.cell} ${styles.select} ${styles.sticky}`} style={{ width: SELECT_WIDTH, left: 0 }}>
              <span className="sr-only">Selected</span>
            </div>
            {visible.map((column, i) => {
              const spec = cols[i]!;
              const sorted = column.getIsSorted();
              const order = sorting.length > 1 && sorted ? column.getSortIndex() + 1 : null;
              const header = table.getFlatHeaders().find((h) => h.column.id === column.id);
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  aria-colindex={i + 2}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  className={`${styles.cell} ${styles.headCell} ${spec.value === 'decimal' || spec.value === 'int' ? styles.num : ''} ${stickyLeft[i]! >= 0 ? styles.sticky : ''}`}
                  style={{ width: widths[i], ...(stickyLeft[i]! >= 0 ? { left: stickyLeft[i] } : {}) }}
                >
                  {spec.sortable ? (
                    <button
                      type="button"
                      className={styles.sortButton}
                      onClick={column.getToggleSortingHandler()}
                      title="Sort (Shift+click adds this column to the sort)"
                    >
                      {spec.label}
                      <span aria-hidden="true" className={styles.sortMark}>
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        {order ?? ''}
                      </span>
                    </button>
                  ) : (
                    <span className={styles.headLabel}>{spec.label}</span>
                  )}
                  {header ? (
                    // Dragged with a pointer; hidden from the accessibility tree so the header is named by its label alone.
                    <span
                      aria-hidden="true"
                      data-resize={spec.key}
                      className={styles.resizer}
                      onMouseDown={header.getResizeHandler()}
                      onTouchStart={header.getResizeHandler()}
                      onDoubleClick={() => column.resetSize()}
                    />
                  ) : null}
                </div>
              );
            })}
            <div role="columnheader" className={`${styles.cell} ${styles.actions}`} style={{ width: ACTIONS_WIDTH }}>
              <span className="sr-only">Row actions</span>
            </div>
          </div>
        </div>
        <GridBody
          def={def}
          store={store}
          version={version}
          scrollElement={scrollElement}
          gridFocused={gridFocused}
          shown={shown}
          model={model}
          nav={nav}
          canEdit={canEdit}
          handlers={handlers}
        />
      </div>
      <ChangeDialog flow={flow} />
      {historyOf ? <HistoryDrawer def={def} row={historyOf} onClose={() => setHistoryOf(null)} /> : null}
    </div>
  );
}
