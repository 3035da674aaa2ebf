'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/auth/action-result';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import styles from './admin.module.css';
import { FieldError, FormMessage } from './form-message';

export function CreateUserForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} aria-label="Add a user" aria-describedby="create-user-message">
      <div className={styles.form}>
        <label>
          Name
          <input name="name" required maxLength={100} aria-describedby="name-error" />
          <FieldError id="name-error" errors={state.errors?.name} />
        </label>
        <label>
          Email
          <input name="email" type="email" required maxLength={320} aria-describedby="email-error" />
          <FieldError id="email-error" errors={state.errors?.email} />
        </label>
        <label>
          Password
          <input name="password" type="password" required minLength={12} maxLength={128} autoComplete="new-password" aria-describedby="password-error" />
          <FieldError id="password-error" errors={state.errors?.password} />
        </label>
        <label>
          Role
          <select name="role" defaultValue="executive" aria-describedby="role-error">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <FieldError id="role-error" errors={state.errors?.role} />
        </label>
        <button type="submit" disabled={pending}>
          Add user
        </button>
      </div>
      <FormMessage id="create-user-message" state={state} />
    </form>
  );
}
