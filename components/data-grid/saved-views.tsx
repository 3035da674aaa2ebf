'use client';

import { useState } from 'react';
import type { SavedViewRow } from '@/lib/tables/preferences';
import type { TableDef } from '@/lib/tables/types';
import { gridStateToParams, parseGridState, type GridQueryState } from './url-state';
import styles from './data-grid.module.css';

/** The person's named views of this table: open one, save the current one under a name, delete one. */
export function SavedViews({ def, query, onQuery, initialViews }: { def: TableDef; query: GridQueryState; onQuery: (q: GridQueryState) => void; initialViews: SavedViewRow[] }) {
  const [views, setViews] = useState(initialViews);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const current = gridStateToParams(def, query).toString();
  const selected = views.find((v) => v.query === current);

  async function save() {
    const res = await fetch('/api/saved-views', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ table: def.name, name, query: current }) });
    const body = (await res.json().catch(() => ({}))) as SavedViewRow & { error?: string };
    if (!res.ok) return setMessage(body.error ?? 'Not saved.');
    setViews((vs) => [...vs.filter((v) => v.name !== body.name), body].sort((a, b) => (a.name < b.name ? -1 : 1)));
    setName('');
    setMessage(`Saved view “${body.name}”.`);
  }

  async function remove(v: SavedViewRow) {
    const res = await fetch(`/api/saved-views/${v.id}`, { method: 'DELETE' });
    if (res.ok) {
      setViews((vs) => vs.filter((x) => x.id !== v.id));
      setMessage(`Deleted view “${v.name}”.`);
    } else setMessage('Not deleted.');
  }

  return (
    <details className={styles.menu}>
      <summary className="button secondary">Views{selected ? `: ${selected.name}` : ''}</summary>
      <div className={styles.menuPanel} role="group" aria-label="Saved views">
        {views.length === 0 ? <p className="muted small">No saved views yet.</p> : null}
        <ul className={styles.columnList}>
          {views.map((v) => (
            <li key={v.id}>
              <button type="button" className="secondary small" aria-current={v === selected ? 'true' : undefined} onClick={() => onQuery(parseGridState(def, v.query))}>
                {v.name}
              </button>
              <button type="button" className="secondary small" aria-label={`Delete view ${v.name}`} onClick={() => void remove(v)}>
                ✕
              </button>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            View name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required />
          </label>{' '}
          <button type="submit" className="small">
            Save this view
          </button>
        </form>
        <p className="small" role="status">
          {message}
        </p>
      </div>
    </details>
  );
}
