'use client';

import { useRef, useState } from 'react';
import { TABLES } from '@/lib/tables/definitions';
import { ChangeSetForm } from './change-set-form';
import { Field } from './field';
import { buildPurchaseOrderChanges, purchaseOrderDestination, purchaseOrderField, type PoLineValues, type PurchaseOrderFormValues } from './form-changes';
import { useFormChangeSet } from './use-form-change-set';
import styles from './forms.module.css';

export interface PickerOption {
  value: string;
  label: string;
}

/**
 * A purchase order with its lines, as one change set: the PO and every line are written
 * together or not at all. Lines are added and removed here and numbered 1, 2, … on save.
 */
export function PurchaseOrderForm({ suppliers, items }: { suppliers: PickerOption[]; items: PickerOption[] }) {
  // Lines keep their own key (React's, never sent) so removing one leaves the others' inputs alone.
  const nextKey = useRef(1);
  const [v, setV] = useState<PurchaseOrderFormValues>({ supplier: '', poNumber: '', lines: [{ key: 'line-0', sku: '', qty: '', promisedDate: '' }] });
  const form = useFormChangeSet(TABLES['purchase-order-lines'], purchaseOrderField);
  const err = form.errors.fields;
  const setLine = (key: string, field: keyof Omit<PoLineValues, 'key'>, value: string) =>
    setV((s) => ({ ...s, lines: s.lines.map((l) => (l.key === key ? { ...l, [field]: value } : l)) }));

  const submit = () => {
    if (v.lines.length === 0) form.refuse('A purchase order needs at least one line: add one.');
    else form.submit(buildPurchaseOrderChanges(v), purchaseOrderDestination(v));
  };

  return (
    <ChangeSetForm label="New purchase order" form={form} onSubmit={submit}>
      <div className={styles.fields}>
        <Field label="Supplier" name="supplier" errors={err.supplier}>
          {(p) => (
            <select {...p} value={v.supplier} onChange={(e) => setV((s) => ({ ...s, supplier: e.target.value }))}>
              <option value="">Choose a supplier…</option>
              {suppliers.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="PO number" name="poNumber" errors={err.poNumber}>
          {(p) => <input {...p} value={v.poNumber} onChange={(e) => setV((s) => ({ ...s, poNumber: e.target.value }))} autoComplete="off" spellCheck={false} />}
        </Field>
      </div>
      <fieldset className={styles.lines}>
        <legend>Lines</legend>
        <datalist id="po-skus">
          {items.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </datalist>
        {v.lines.map((l, i) => (
          <div key={l.key} className={styles.line} role="group" aria-label={`Line ${i + 1}`}>
            <span className={styles.lineNo} aria-hidden="true">
              #{i + 1}
            </span>
            <Field label={<LineLabel n={i + 1} text="SKU" />} name={`lines.${i}.sku`} errors={err[`lines.${i}.sku`]}>
              {(p) => <input {...p} list="po-skus" value={l.sku} onChange={(e) => setLine(l.key, 'sku', e.target.value)} autoComplete="off" spellCheck={false} />}
            </Field>
            <Field label={<LineLabel n={i + 1} text="Quantity" />} name={`lines.${i}.qty`} errors={err[`lines.${i}.qty`]}>
              {(p) => <input {...p} inputMode="decimal" value={l.qty} onChange={(e) => setLine(l.key, 'qty', e.target.value)} autoComplete="off" />}
            </Field>
            <Field label={<LineLabel n={i + 1} text="Promised date" />} name={`lines.${i}.promisedDate`} errors={err[`lines.${i}.promisedDate`]}>
              {(p) => <input {...p} type="date" value={l.promisedDate} onChange={(e) => setLine(l.key, 'promisedDate', e.target.value)} />}
            </Field>
            <button type="button" className={`secondary ${styles.remove}`} onClick={() => setV((s) => ({ ...s, lines: s.lines.filter((x) => x.key !== l.key) }))}>
              Remove<span className="sr-only"> line {i + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => {
            const key = `line-${nextKey.current++}`;
            setV((s) => ({ ...s, lines: [...s.lines, { key, sku: '', qty: '', promisedDate: '' }] }));
          }}>
          Add line
        </button>
      </fieldset>
    </ChangeSetForm>
  );
}

/** "SKU" on screen, "Line 2 SKU" to a screen reader: every line has the same three fields. */
function LineLabel({ n, text }: { n: number; text: string }) {
  return (
    <>
      <span className="sr-only">Line {n} </span>
      {text}
    </>
  );
}
