'use client';

import { useState } from 'react';
import { TABLES } from '@/lib/tables/definitions';
import { ITEM_CATEGORIES } from '@/lib/validation/item';
import { ChangeSetForm } from './change-set-form';
import { Field } from './field';
import { buildItemChanges, itemDestination, sameField, type ItemFormValues } from './form-changes';
import { useFormChangeSet } from './use-form-change-set';
import styles from './forms.module.css';

const EMPTY: ItemFormValues = { sku: '', name: '', category: 'other', unit: 'ea', site: '', gpusOnlinePerUnit: '0' };

/** A new item as one change set; `sites` are the site codes in use, offered as suggestions. */
export function ItemForm({ sites }: { sites: string[] }) {
  const [v, setV] = useState<ItemFormValues>(EMPTY);
  const form = useFormChangeSet(TABLES.items, sameField);
  const bind = (k: keyof ItemFormValues) => ({ value: v[k], onChange: (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value })) });
  const err = form.errors.fields;
  return (
    <ChangeSetForm label="New item" form={form} onSubmit={() => form.submit(buildItemChanges(v), itemDestination(v))}>
      <div className={styles.fields}>
        <Field label="SKU" name="sku" errors={err.sku}>
          {(p) => <input {...p} {...bind('sku')} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field label="Name" name="name" errors={err.name}>
          {(p) => <input {...p} {...bind('name')} autoComplete="off" />}
        </Field>
        <Field label="Category" name="category" errors={err.category}>
          {(p) => (
            <select {...p} {...bind('category')}>
              {ITEM_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Unit" name="unit" errors={err.unit} hint="ea, m, m³, kW…">
          {(p) => <input {...p} {...bind('unit')} autoComplete="off" />}
        </Field>
        <Field label="Site" name="site" errors={err.site} hint="Blank: pooled, not bound to a site.">
          {(p) => (
            <>
              <input {...p} {...bind('site')} list="item-sites" autoComplete="off" />
              <datalist id="item-sites">
                {sites.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="GPUs online per unit" name="gpusOnlinePerUnit" errors={err.gpusOnlinePerUnit} hint="Above 0 makes it a capacity item.">
          {(p) => <input {...p} {...bind('gpusOnlinePerUnit')} inputMode="numeric" autoComplete="off" />}
        </Field>
      </div>
    </ChangeSetForm>
  );
}
