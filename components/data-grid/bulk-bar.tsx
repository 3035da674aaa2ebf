'use client';

import { useState } from 'react';
import type { TableDef } from '@/lib/tables/types';
import type { BulkAction } from './change-set';
import styles from './data-grid.module.css';

/** Actions on the selected rows, each previewed as one change set before it is saved. */
export function BulkBar({ def, count, onRun, onClear }: { def: TableDef; count: number; onRun: (a: BulkAction) => void; onClear: () => void }) {
  const enumCol = def.columns.find((c) => c.edit && c.value === 'enum');
  const dateCol = def.columns.find((c) => c.edit && c.value === 'date');
  const [enumValue, setEnumValue] = useState(enumCol?.options?.[0] ?? '');
  const [days, setDays] = useState('7');
  const [date, setDate] = useState('');
  return (
    <div className={styles.bulk} role="toolbar" aria-label="Bulk actions">
      <strong>
        {count} row{count === 1 ? '' : 's'} selected
      </strong>
      {enumCol ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onRun({ kind: 'setField', field: enumCol.key, value: enumValue });
          }}
        >
          <label>
            Set {enumCol.label.toLowerCase()}{' '}
            <select value={enumValue} onChange={(e) => setEnumValue(e.target.value)}>
              {(enumCol.options ?? []).map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" className="small">
            Apply
          </button>
        </form>
      ) : null}
      {dateCol ? (
        <>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onRun({ kind: 'shiftDays', field: dateCol.key, days: Number(days) });
            }}
          >
            <label>
              Shift {dateCol.label.toLowerCase()} by <input type="number" step={1} value={days} onChange={(e) => setDays(e.target.value)} className={styles.daysInput} /> days
            </label>{' '}
            <button type="submit" className="small">
              Shift
            </button>
          </form>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (date) onRun({ kind: 'setField', field: dateCol.key, value: date });
            }}
          >
            <label>
              Set {dateCol.label.toLowerCase()} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>{' '}
            <button type="submit" className="small" disabled={!date}>
              Set date
            </button>
          </form>
        </>
      ) : null}
      {def.deletable ? (
        <button type="button" className="secondary small" onClick={() => onRun({ kind: 'delete' })}>
          Delete selected
        </button>
      ) : null}
      <button type="button" className="secondary small" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
