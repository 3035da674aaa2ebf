'use client';

import { memo, useEffect, useRef, useState } from 'react';
import type { SavedViewRow, TableSettings } from '@/lib/tables/preferences';
import type { TableDef } from '@/lib/tables/types';
import type { GridTable } from './grid-features';
import { FiltersPanel } from './filters-panel';
import { ColumnsMenu } from './columns-menu';
import { SavedViews } from './saved-views';
import { csvUrl, type GridQueryState } from './url-state';
import styles from './data-grid.module.css';

/** Search, filters, columns, saved views and the CSV export of exactly this view. */
export const GridToolbar = memo(function GridToolbar({
  def,
  query,
  onQuery,
  total,
  loading,
  table,
  layout,
  onResetLayout,
  views,
}: {
  def: TableDef;
  query: GridQueryState;
  onQuery: (q: GridQueryState | ((q: GridQueryState) => GridQueryState)) => void;
  total: number;
  loading: boolean;
  table: GridTable;
  layout: TableSettings;
  onResetLayout: () => void;
  views: SavedViewRow[];
}) {
  const [search, setSearch] = useState(query.q);
  const bar = useRef<HTMLDivElement>(null);
  // A menu closes when the person clicks elsewhere or presses Esc, as menus do.
  useEffect(() => {
    const closeOthers = (target: EventTarget | null) => {
      for (const d of bar.current?.querySelectorAll('details[open]') ?? []) if (!(target instanceof Node && d.contains(target))) d.removeAttribute('open');
    };
    const onDown = (e: MouseEvent) => closeOthers(e.target);
    const onKey = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && closeOthers(null);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  // Typing searches a moment after the last key, not on every key.
  useEffect(() => {
    if (search.trim() === query.q) return;
    const t = setTimeout(() => onQuery((q) => ({ ...q, q: search.trim() })), 300);
    return () => clearTimeout(t);
  }, [search, query.q, onQuery]);

  return (
    <div className={styles.toolbar} ref={bar}>
      <div className={styles.toolbarRow}>
        <label className={styles.search}>
          <span className="sr-only">Search {def.title.toLowerCase()}</span>
          <input type="search" value={search} placeholder={`Search ${def.searchHint}`} maxLength={100} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <FiltersPanel def={def} query={query} onQuery={onQuery} />
        <ColumnsMenu def={def} table={table} layout={layout} onReset={onResetLayout} />
        <SavedViews def={def} query={query} onQuery={(q) => { setSearch(q.q); onQuery(q); }} initialViews={views} />
        <a className="button secondary" href={csvUrl(def, query)} download>
          Download CSV
        </a>
        <span className={styles.count} aria-live="polite">
          {loading ? <span className="spinner" aria-hidden="true" /> : null}
          {total.toLocaleString('en-US')} row{total === 1 ? '' : 's'}
        </span>
      </div>
    </div>
  );
});
