'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from './imports.module.css';

interface Conflict {
  entity: string;
  key: string;
  actor: string;
  at: string;
  batchId: number | null;
}

type State =
  | { status: 'idle' }
  | { status: 'confirming' }
  | { status: 'sending' }
  | { status: 'done'; restored: number; deleted: number }
  | { status: 'conflicts'; message: string; conflicts: Conflict[] }
  | { status: 'error'; message: string };

function rows(n: number): string {
  return `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;
}

function describeRevert(updated: number, created: number): string {
  const steps = [
    ...(updated > 0 ? [`puts the ${rows(updated)} it changed back as they were before it`] : []),
    ...(created > 0 ? [`deletes the ${rows(created)} it created`] : []),
  ];
  const what = steps.length === 0 ? 'Marks it reverted (it changed no rows)' : `${steps.join(' and ')}, in one step`.replace(/^./, (c) => c.toUpperCase());
  return `${what}. Refused if any of them has been changed since.`;
}

/**
 * Undo a committed batch: rows it updated get their values from before it, rows it
 * created are deleted. Refused (409) when someone changed one of those rows since;
 * the list says which, by whom and when, so the person can sort it out first.
 */
export function RevertBatch({ batchId, updated, created, reverted }: { batchId: number; updated: number; created: number; reverted: boolean }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ status: 'idle' });

  async function revert() {
    setState({ status: 'sending' });
    let res: Response;
    let body: { error?: string; restored?: number; deleted?: number; conflicts?: Conflict[] } = {};
    try {
      res = await fetch(`/api/imports/batches/${batchId}/revert`, { method: 'POST' });
      body = (await res.json().catch(() => ({}))) as typeof body;
    } catch (err) {
      setState({ status: 'error', message: `The request failed: ${err instanceof Error ? err.message : String(err)}` });
      return;
    }
    if (res.ok) {
      setState({ status: 'done', restored: body.restored ?? 0, deleted: body.deleted ?? 0 });
      router.refresh();
    } else if (res.status === 409 && Array.isArray(body.conflicts)) {
      setState({ status: 'conflicts', message: body.error ?? 'Rows this batch wrote have changed since.', conflicts: body.conflicts });
    } else setState({ status: 'error', message: body.error ?? `The server answered ${res.status}.` });
  }

  return (
    <section className={`panel ${styles.revert}`} aria-labelledby="revert-heading">
      <h2 id="revert-heading">{reverted || state.status === 'done' ? 'Reverted' : 'Revert this batch'}</h2>
      {state.status === 'done' ? (
        <p className="alert info" role="status">
          Reverted: {state.restored.toLocaleString('en-US')} row{state.restored === 1 ? '' : 's'} restored, {state.deleted.toLocaleString('en-US')} deleted.
        </p>
      ) : reverted ? (
        <p className="muted">This batch has been reverted: the rows it changed were put back as they were before it, and the ones it created deleted.</p>
      ) : (
        <>
          <p className="muted">{describeRevert(updated, created)}</p>
          {state.status === 'confirming' || state.status === 'sending' ? (
            <div className={styles.actions}>
              <button type="button" className={styles.danger} onClick={() => void revert()} disabled={state.status === 'sending'}>
                {state.status === 'sending' ? 'Reverting…' : `Yes, revert batch #${batchId}`}
              </button>
              <button type="button" className="secondary" onClick={() => setState({ status: 'idle' })} disabled={state.status === 'sending'}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" className="secondary" onClick={() => setState({ status: 'confirming' })}>
              Revert batch
            </button>
          )}
        </>
      )}
      <div aria-live="polite">
        {state.status === 'error' && (
          <p className="alert error" role="alert">
            {state.message}
          </p>
        )}
        {state.status === 'conflicts' && (
          <div className="alert error" role="alert">
            <strong>{state.message}</strong>
            {state.conflicts.length > 0 && (
              <ul className={styles.conflicts} aria-label="Rows changed since this batch">
                {state.conflicts.map((c) => (
                  <li key={`${c.entity}|${c.key}|${c.at}`}>
                    {c.entity} <code>{c.key}</code>: changed by {c.actor} at {c.at.slice(0, 19).replace('T', ' ')}
                    {c.batchId !== null ? (
                      <>
                        {' '}
                        in <Link href={`/imports/${c.batchId}`}>batch #{c.batchId}</Link>
                      </>
                    ) : (
                      ' (edited directly)'
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
