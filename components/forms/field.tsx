import type { ReactNode } from 'react';
import { FieldError } from '@/components/auth/form-message';
import styles from './forms.module.css';

export interface FieldControlProps {
  id: string;
  name: string;
  'aria-describedby': string;
  'aria-invalid': boolean;
}

/**
 * A labelled control with its errors beside it: the control names the error text with
 * `aria-describedby`, and the text is a polite live region, so a refused value is heard.
 */
export function Field({ label, name, errors, hint, children }: { label: ReactNode; name: string; errors?: string[]; hint?: ReactNode; children: (props: FieldControlProps) => ReactNode }) {
  const id = `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const describedBy = `${id}-error${hint ? ` ${id}-hint` : ''}`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-describedby': describedBy, 'aria-invalid': (errors?.length ?? 0) > 0 })}
      {hint ? (
        <span id={`${id}-hint`} className="small muted">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
