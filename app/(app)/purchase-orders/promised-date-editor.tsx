'use client';

import { useState } from 'react';

/** Inline edit of one line's promised date through PATCH /api/purchase-order-lines/<id> (optimistic concurrency). */
export function PromisedDateEditor({ id, label, promisedDate, version }: { id: number; label: string; promisedDate: string; version: number }) {
  const [current, setCurrent] = useState({ promisedDate, version });
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function save(form: FormData) {
    const res = await fetch(`/api/purchase-order-lines/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: current.version, promisedDate: form.get('promisedDate') }),
    });
    const body = (await res.json().catch(() => ({}))) as { version?: number; promisedDate?: string; error?: string };
    if (res.ok && body.version && body.promisedDate) {
      setCurrent({ promisedDate: body.promisedDate, version: body.version });
      setEditing(false);
      setMessage('Saved');
    } else setMessage(body.error ?? 'Not saved');
  }

  if (!editing) {
    return (
      <span>
        {current.promisedDate}{' '}
        <button type="button" className="secondary small" style={{ padding: '0 0.4rem' }} aria-label={`Edit promised date of ${label}`} onClick={() => setEditing(true)}>
          Edit
        </button>{' '}
        <span aria-live="polite" className="small muted">
          {message}
        </span>
      </span>
    );
  }
  return (
    <form action={save} style={{ display: 'inline-flex', gap: 4 }}>
      <input type="date" name="promisedDate" defaultValue={current.promisedDate} required aria-label={`Promised date of ${label}`} />
      <button type="submit" className="small" style={{ padding: '0 0.4rem' }}>
        Save
      </button>
      <button type="button" className="secondary small" style={{ padding: '0 0.4rem' }} onClick={() => setEditing(false)}>
        Cancel
      </button>
      <span aria-live="polite" className="small" style={{ color: 'var(--bad)' }}>
        {message}
      </span>
    </form>
  );
}
