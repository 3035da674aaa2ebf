'use client';

import { useState } from 'react';
import { TABLES } from '@/lib/tables/definitions';
import { ChangeSetForm } from './change-set-form';
import { Field } from './field';
import { buildSupplierChanges, sameField, supplierDestination, type SupplierFormValues } from './form-changes';
import { useFormChangeSet } from './use-form-change-set';
import styles from './forms.module.css';

/** A new supplier as one change set. */
export function SupplierForm() {
  const [v, setV] = useState<SupplierFormValues>({ code: '', name: '' });
  const form = useFormChangeSet(TABLES.suppliers, sameField);
  const bind = (k: keyof SupplierFormValues) => ({ value: v[k], onChange: (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value })) });
  return (
    <ChangeSetForm label="New supplier" form={form} onSubmit={() => form.submit(buildSupplierChanges(v), supplierDestination(v))}>
      <div className={styles.fields}>
        <Field label="Code" name="code" errors={form.errors.fields.code} hint="Letters, digits, _ or -; stored upper-case.">
          {(p) => <input {...p} {...bind('code')} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field label="Name" name="name" errors={form.errors.fields.name}>
          {(p) => <input {...p} {...bind('name')} autoComplete="off" />}
        </Field>
      </div>
    </ChangeSetForm>
  );
}
