'use client';

import type { FormEvent, ReactNode } from 'react';
import { ChangeDialog } from '@/components/data-grid/change-dialog';
import type { useFormChangeSet } from './use-form-change-set';
import styles from './forms.module.css';

/**
 * The frame every create form shares: no browser validation bubbles (the server's shared
 * rules word every error, beside its field), the errors that name no field at the top, the
 * submit that asks for a preview, and the tables' change-set dialog to review and save it.
 */
export function ChangeSetForm({
  label,
  form,
  onSubmit,
  children,
}: {
  label: string;
  form: ReturnType<typeof useFormChangeSet>;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { errors, flow, announcement } = form;
  const count = errors.general.length + Object.values(errors.fields).reduce((n, e) => n + e.length, 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form noValidate aria-label={label} className={styles.form} onSubmit={submit}>
      <div aria-live="polite" id="form-message">
        {count > 0 ? (
          <div className="alert error">
            <p style={{ margin: 0 }}>Nothing was written: {count === 1 ? 'one value needs' : `${count} values need`} fixing{errors.general.length > 0 ? ':' : ' (marked below).'}</p>
            {errors.general.length > 0 ? (
              <ul>
                {errors.general.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {announcement ? <p className="alert info">{announcement}</p> : null}
      </div>
      {children}
      <div className={styles.buttons}>
        <button type="submit" disabled={flow.busy}>
          Preview and save
        </button>
      </div>
      <ChangeDialog flow={flow} />
    </form>
  );
}
