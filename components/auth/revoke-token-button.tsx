'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/auth/action-result';
import styles from './admin.module.css';

export function RevokeTokenButton({ tokenId, label, action }: { tokenId: number; label: string; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className={styles.inline}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" className="secondary" disabled={pending} aria-label={`Revoke ${label}`}>
        Revoke
      </button>
      <span aria-live="polite" className="small muted">
        {state.message}
      </span>
    </form>
  );
}
