'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/auth/action-result';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';
import styles from './admin.module.css';

export function RoleForm({ userId, email, role, action }: { userId: string; email: string; role: Role; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className={styles.inline}>
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={`Role of ${email}`}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={pending}>
        Save
      </button>
      <span aria-live="polite" className="small muted">
        {state.message}
      </span>
    </form>
  );
}
