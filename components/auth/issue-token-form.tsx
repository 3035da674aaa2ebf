'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/auth/action-result';
import styles from './admin.module.css';
import { FieldError, FormMessage } from './form-message';

export function IssueTokenForm({ suppliers, action }: { suppliers: string[]; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} aria-label="Issue a token" aria-describedby="issue-token-message">
      <div className={styles.form}>
        <label>
          Name
          <input name="name" required maxLength={100} placeholder="e.g. NVIDIA ship notices" aria-describedby="token-name-error" />
          <FieldError id="token-name-error" errors={state.errors?.name} />
        </label>
        <label>
          Supplier
          <select name="supplier" required defaultValue="" aria-describedby="token-supplier-error">
            <option value="" disabled>
              Choose…
            </option>
            {suppliers.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <FieldError id="token-supplier-error" errors={state.errors?.supplier} />
        </label>
        <label>
          Expires in (days)
          <input name="expiresInDays" type="number" min={1} max={366} defaultValue={90} required aria-describedby="token-days-error" />
          <FieldError id="token-days-error" errors={state.errors?.expiresInDays} />
        </label>
        <button type="submit" disabled={pending}>
          Issue token
        </button>
      </div>
      <FormMessage id="issue-token-message" state={state} />
      {state.token && (
        <p>
          <span className="small muted">New token (shown once):</span>
          <br />
          <code className={styles.token} aria-label="New API token">
            {state.token}
          </code>
        </p>
      )}
    </form>
  );
}
