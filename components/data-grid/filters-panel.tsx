'use client';

import { useState } from 'react';
import { filterParams } from '@/lib/tables/query';
import type { TableDef } from '@/lib/tables/types';
import { activeFilterCount, type GridQueryState } from './url-state';
import styles from './data-grid.module.css';

/** One control per filterable column: text, a list of values, a number range or a date range. Applied on Apply (or Enter). */
export function FiltersPanel({ def, query, onQuery }: { def: TableDef; query: GridQueryState; onQuery: (q: GridQueryState) => void }) {
  const [draft, setDraft] = useState<Record<string, string>>(query.filters);
  const [seen, setSeen] = useState(query.filters);
  // Filters changed from elsewhere (a saved view, back to the URL): the form follows.
  if (seen !== query.filters) {
    setSeen(query.filters);
    setDraft(query.filters);
  }
  const n = activeFilterCount(def, query);
  const set = (p: string, v: string) => setDraft((d) => ({ ...d, [p]: v }));
  const apply = (filters: Record<string, string>) => onQuery({ ...query, filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== '')) });

  return (
    <details className={styles.menu}>
      <summary className="button secondary">Filters{n > 0 ? ` (${n})` : ''}</summary>
      <form
        className={styles.menuPanel}
        aria-label="Filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
          e.currentTarget.closest('details')?.removeAttribute('open');
        }}
      >
        {def.columns.map((c) => {
          const f = c.filter;
          if (!f) return null;
          const [p1, p2] = filterParams(f) as [string, string | undefined];
          if (f.kind === 'enum')
            return (
              <label key={c.key}>
                {c.label}
                <select value={draft[p1] ?? ''} onChange={(e) => set(p1, e.target.value)}>
                  <option value="">any</option>
                  {(c.options ?? []).map((o) => (
                    <option key={o}>{o}</option>
                  ))}
                </select>
              </label>
            );
          if (f.kind === 'text')
            return (
              <label key={c.key}>
                {c.label}
                <input value={draft[p1] ?? ''} onChange={(e) => set(p1, e.target.value)} placeholder={f.match === 'exact' ? 'exactly' : 'contains'} maxLength={100} />
              </label>
            );
          const type = f.kind === 'date' ? 'date' : 'text';
          const [lo, hi] = f.kind === 'date' ? ['from', 'to'] : ['min', 'max'];
          return (
            <fieldset key={c.key} className={styles.range}>
              <legend>{c.label}</legend>
              <label>
                {c.label} {lo}
                <input type={type} inputMode={type === 'text' ? 'decimal' : undefined} value={draft[p1] ?? ''} onChange={(e) => set(p1, e.target.value)} />
              </label>
              <label>
                {c.label} {hi}
                <input type={type} inputMode={type === 'text' ? 'decimal' : undefined} value={draft[p2!] ?? ''} onChange={(e) => set(p2!, e.target.value)} />
              </label>
            </fieldset>
          );
        })}
        <div className={styles.menuButtons}>
          <button type="submit">Apply filters</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft({});
              apply({});
            }}
          >
            Clear filters
          </button>
        </div>
      </form>
    </details>
  );
}
