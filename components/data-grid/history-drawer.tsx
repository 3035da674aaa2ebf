'use client';

import { useEffect, useRef, useState } from 'react';
import { rowLabel, type ListRow, type TableDef } from '@/lib/tables/types';
import { fetchHistory, type RowHistory } from './changes-client';
import styles from './data-grid.module.css';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '(blank)' : String(v));

/** A row's history (who, when, source: edit, import batch, revert, undo; before → after), and a PO line's promise record. */
export function HistoryDrawer({ def, row, onClose }: { def: TableDef; row: ListRow; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<{ history?: RowHistory; message?: string }>({});
  const label = rowLabel(def, row);
  useEffect(() => {
    ref.current?.showModal();
    const url = def.entity === 'purchaseOrderLine' ? `/api/purchase-order-lines/${row.id}/history` : `/api/history?entity=${def.entity}&id=${row.id}`;
    let live = true;
    void fetchHistory(url).then((r) => live && setState(r.ok ? { history: r.history } : { message: r.message }));
    return () => {
      live = false;
    };
  }, [def.entity, row.id]);

  const h = state.history;
  return (
    <dialog ref={ref} className={`${styles.dialog} ${styles.drawer}`} aria-labelledby="history-title" onClose={onClose}>
      <h2 id="history-title">History of {label}</h2>
      {!h && !state.message ? <p role="status">Loading…</p> : null}
      {state.message ? <p className="alert info">{state.message}</p> : null}
      {h?.line ? (
        <p>
          First promised {show(h.line.firstPromisedDate)}, now {show(h.line.promisedDate)}
          {typeof h.line.slipDays === 'number' ? `: ${h.line.slipDays} days of slip` : ''}
          {h.line.receivedDate ? `; received ${h.line.receivedDate} (${show(h.line.receivedQty)})` : ''}.
        </p>
      ) : null}
      {h?.promises && h.promises.length > 0 ? (
        <section aria-label="Promises">
          <h3>Promises</h3>
          <ul className={styles.events}>
            {h.promises.map((p, i) => (
              <li key={i}>
                {p.promisedDate} <span className="muted">by {p.actor} ({p.source}), {p.at.slice(0, 16).replace('T', ' ')}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {h ? (
        <section aria-label="Changes">
          <h3>Changes</h3>
          {h.events.length === 0 ? <p className="muted">No changes recorded.</p> : null}
          <ul className={styles.events}>
            {h.events.map((e, i) => (
              <li key={i}>
                <div>
                  <strong>{e.action}</strong> by {e.actor}, {e.at.slice(0, 16).replace('T', ' ')} ({e.source}
                  {e.batchId ? ` batch ${e.batchId}` : ''}
                  {e.changeSetId ? ` change set ${e.changeSetId}` : ''})
                </div>
                <ul>
                  {e.fields.map((f) => (
                    <li key={f.field}>
                      {f.field}: {show(f.before)} → {show(f.after)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className={styles.dialogButtons}>
        <button type="button" className="secondary" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
