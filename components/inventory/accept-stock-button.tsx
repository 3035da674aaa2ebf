'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/auth/action-result';

/** One stock report's "Accept" button: it sends the quantity shown, so a newer report is never accepted unseen. */
export function AcceptStockButton({
  reportId,
  onHand,
  label,
  action,
}: {
  reportId: number;
  onHand: string;
  label: string;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} style={{ display: 'inline-flex', gap: '0.5rem', alignItems: 'center' }}>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="onHand" value={onHand} />
      <button type="submit" className="secondary" disabled={pending || state.ok} aria-label={`Accept stock report ${label}`}>
        {state.ok ? 'Accepted' : 'Accept'}
      </button>
      <span aria-live="polite" className="small muted">
        {state.message}
      </span>
    </form>
  );
}
