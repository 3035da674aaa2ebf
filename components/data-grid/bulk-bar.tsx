'use client';

import { useState } from 'react';
import type { TableDef } from '@/lib/tables/types';
import type { BulkAction } from './change-set';
import styles from './data-grid.module.css';

/** Actions on the selected rows, each previewed as one change set before it is saved. */
export function BulkBar({
  def,
  count,
  singleQty,
  onRun,
  onClear,
}: {
  def: TableDef;
  count: number;
  /** The one selected row's quantity (a receive's default); undefined when several rows are selected. */
  singleQty?: string;
  onRun: (a: BulkAction) => void;
  onClear: () => void;
}) {
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
      {def.receivable ? <ReceiveForm singleQty={singleQty} onRun={onRun} /> : null}
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

/** Today's date where the person is, YYYY-MM-DD (a receipt's default). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Receive the selected open lines: quantity (default: the line's own), date (default: today) and the stock location. */
function ReceiveForm({ singleQty, onRun }: { singleQty?: string; onRun: (a: BulkAction) => void }) {
  const [qty, setQty] = useState(singleQty ?? '');
  const [date, setDate] = useState(localToday);
  const [location, setLocation] = useState('');
  // Another single row selected: its quantity is the default again.
  const [shownFor, setShownFor] = useState(singleQty);
  if (shownFor !== singleQty) {
    setShownFor(singleQty);
    setQty(singleQty ?? '');
  }
  return (
    <form
      aria-label="Receive"
      onSubmit={(e) => {
        e.preventDefault();
        onRun({ kind: 'receive', qty, date, location });
      }}
    >
      <label>
        Received qty <input value={qty} onChange={(e) => setQty(e.target.value)} inputMode="decimal" placeholder="each line's qty" className={styles.qtyInput} />
      </label>{' '}
      <label>
        on <input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label="Received on" />
      </label>{' '}
      <label>
        into <input value={location} onChange={(e) => setLocation(e.target.value)} placeholder="location" aria-label="Into location" className={styles.qtyInput} />
      </label>{' '}
      <button type="submit" className="small">
        Receive
      </button>
    </form>
  );
}
