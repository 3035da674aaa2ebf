'use client';

import { useEffect, useRef } from 'react';
import { fieldLabel, formatInt } from '@/components/ui/format';
import type { ChangeFlow } from './use-change-flow';
import styles from './data-grid.module.css';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '(blank)' : String(v));

/** A change set's preview before it is saved: errors, the diff row by row, the forecast's change; then commit, or resolve a conflict. */
export function ChangeDialog({ flow }: { flow: ChangeFlow }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (flow.open && !d.open) d.showModal();
    if (!flow.open && d.open) d.close();
  }, [flow.open]);

  const p = flow.preview;
  const errors = p?.errors ?? [];
  const hasConflicts = flow.conflicts.length > 0;
  const canCommit = !flow.busy && flow.problems.length === 0 && !!p && errors.length === 0 && !hasConflicts && flow.changes.length > 0;
  const before = p?.forecast?.before?.gpuDays;
  const after = p?.forecast?.after?.gpuDays;

  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby="change-dialog-title" onClose={flow.close} onCancel={flow.close}>
      <h2 id="change-dialog-title">{hasConflicts ? 'Someone else changed these rows' : `Review ${flow.changes.length} change${flow.changes.length === 1 ? '' : 's'}`}</h2>
      {flow.busy ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" />
          Checking with the server…
        </p>
      ) : null}
      {flow.message ? (
        <p className="alert error" role="alert">
          {flow.message}
        </p>
      ) : null}
      {flow.problems.length > 0 ? (
        <section aria-label="Values refused">
          <p>These values were not accepted; nothing will be sent until they are fixed:</p>
          <ul className={styles.problems}>
            {flow.problems.map((e, i) => (
              <li key={i}>
                <strong>{e.label}</strong> {e.field}: {e.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {errors.length > 0 ? (
        <section aria-label="Errors">
          <ul className={styles.problems}>
            {errors.map((e, i) => (
              <li key={i}>
                <strong>{e.label}</strong> {e.field ? fieldLabel(e.field) : ''}: {e.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p?.summary ? <p className={styles.summary}>{p.summary}</p> : null}
      {before !== undefined && after !== undefined && after !== null ? (
        <p>
          Forecast: {formatInt(before)} → {formatInt(after)} GPU-days ({after - before >= 0 ? '+' : ''}
          {formatInt(after - before)}){p?.forecast?.tier === 'quick' ? ', quick estimate' : ''}.
        </p>
      ) : null}
      {p && p.diff.length > 0 && !hasConflicts ? (
        <div className={styles.diffWrap}>
          <table className="data" aria-label="Changes">
            <thead>
              <tr>
                <th>Row</th>
                <th>Field</th>
                <th>Before</th>
                <th>After</th>
              </tr>
            </thead>
            <tbody>
              {p.diff.flatMap((d) =>
                // A deletion is one row: every field going blank says nothing more.
                d.fields.length === 0 || d.op === 'delete'
                  ? [
                      <tr key={`${d.index}`}>
                        <td>{d.label}</td>
                        <td colSpan={3}>{d.op}</td>
                      </tr>,
                    ]
                  : d.fields.map((f) => (
                      <tr key={`${d.index}:${f.field}`}>
                        <td>{d.label}</td>
                        <td>{fieldLabel(f.field)}</td>
                        <td>{show(f.before)}</td>
                        <td>{show(f.after)}</td>
                      </tr>
                    )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {hasConflicts ? (
        <fieldset className={styles.conflicts}>
          <legend>For each field, keep your value or theirs</legend>
          {flow.conflicts.map((c) => (
            <div key={c.index}>
              <p>
                <strong>{c.label}</strong>{' '}
                {c.currentVersion === null ? 'was deleted meanwhile: your change to it is dropped.' : `changed by ${c.changedBy ?? 'someone'}${c.changedAt ? ` at ${c.changedAt.slice(0, 16).replace('T', ' ')}` : ''}.`}
              </p>
              {c.fields.map((f) => {
                const key = `${c.index}:${f.field}`;
                const choice = flow.choices[key] ?? 'yours';
                return (
                  <div key={key} role="radiogroup" aria-label={`${c.label} ${fieldLabel(f.field)}`} className={styles.choice}>
                    <span>{fieldLabel(f.field)}</span>
                    <label>
                      <input type="radio" name={key} checked={choice === 'yours'} onChange={() => flow.choose(key, 'yours')} /> Yours: {show(f.yours)}
                    </label>
                    <label>
                      <input type="radio" name={key} checked={choice === 'theirs'} onChange={() => flow.choose(key, 'theirs')} /> Theirs: {show(f.theirs)}
                    </label>
                  </div>
                );
              })}
            </div>
          ))}
        </fieldset>
      ) : null}
      <div className={styles.dialogButtons}>
        {hasConflicts ? (
          <button type="button" onClick={flow.resend} disabled={flow.busy}>
            Send again with these values
          </button>
        ) : (
          <button type="button" onClick={flow.commit} disabled={!canCommit}>
            Save changes
          </button>
        )}
        <button type="button" className="secondary" onClick={flow.close}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
