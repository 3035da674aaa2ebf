'use client';

import { useEffect, useId, useState, type ReactNode } from 'react';
import type { StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';
import { describeAdjustment } from './describe-adjustment';

export interface BuilderChoices {
  suppliers: string[];
  recipeOutputs: string[];
  skus: string[];
}

type Kind = 'delaySupplier' | 'delayLine' | 'scaleLine' | 'cancelLine' | 'addLine' | 'setLeadTime' | 'setWeeklyLimit';

const KIND_LABELS: Record<Kind, string> = {
  delaySupplier: 'Delay or pull in a supplier',
  delayLine: 'Delay or pull in a PO line',
  cancelLine: 'Cancel a PO line',
  scaleLine: 'Scale a PO line',
  addLine: 'Add a hypothetical order',
  setLeadTime: 'Change a lead time',
  setWeeklyLimit: 'Change a weekly build limit',
};

interface OpenLine {
  supplier: string;
  poNumber: string;
  lineNo: number;
  sku: string;
  qty: string;
  promisedDate: string;
}

/** A supplier's open lines as the builder knows them: still on their way, there, or not to be had. */
type SupplierLines = { state: 'loading' } | { state: 'ready'; rows: OpenLine[] } | { state: 'failed' };

/** The open PO lines of one supplier, for picking a line (the procurement API, first 1,000 by promised date). */
function useSupplierLines(supplier: string): SupplierLines {
  const [lines, setLines] = useState<{ supplier: string; got: SupplierLines }>({ supplier: '', got: { state: 'loading' } });
  useEffect(() => {
    if (!supplier) return;
    let live = true;
    const q = new URLSearchParams({ supplier, status: 'open', limit: '1000', sort: 'promisedDate:asc' });
    fetch(`/api/purchase-order-lines?${q}`)
      .then((r) => (r.ok ? (r.json() as Promise<{ rows: OpenLine[] }>) : Promise.reject(new Error(String(r.status)))))
      .then((body) => live && setLines({ supplier, got: { state: 'ready', rows: body.rows } }))
      .catch(() => live && setLines({ supplier, got: { state: 'failed' } }));
    return () => {
      live = false;
    };
  }, [supplier]);
  // No supplier to ask about: nothing to load. Another supplier's answer (or none yet) is not this one's.
  if (!supplier) return { state: 'ready', rows: [] };
  return lines.supplier === supplier ? lines.got : { state: 'loading' };
}

/** What the PO line list says when it has no line to offer. */
const NO_LINE: Record<SupplierLines['state'], { option: string; message: string }> = {
  loading: { option: 'loading the open lines…', message: "The supplier's open PO lines are still loading: pick one in a moment." },
  ready: { option: 'no open lines', message: 'Pick a PO line (the supplier has no open lines).' },
  failed: { option: 'the open lines could not be loaded', message: "The supplier's open PO lines could not be loaded: reload the page to try again." },
};

/** A labelled control; the label names the control alone (a wrapping label would add the selected option's text). */
function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/**
 * Builds a what-if from the data's own suppliers, lines, items and recipes, one
 * adjustment at a time; "Show the what-if" draws it (its adjustments go in the URL),
 * "Save" names and stores it (POST /api/scenarios). Nothing here changes the data.
 */
export function WhatIfBuilder({
  choices,
  draft,
  onRun,
  onSave,
  busy,
}: {
  choices: BuilderChoices;
  draft: StoredAdjustment[];
  onRun: (adjustments: StoredAdjustment[]) => void;
  onSave: (name: string, adjustments: StoredAdjustment[]) => Promise<string | null>;
  busy: boolean;
}) {
  const id = useId();
  const [list, setList] = useState<StoredAdjustment[]>(draft);
  const [kind, setKind] = useState<Kind>('delaySupplier');
  const [supplier, setSupplier] = useState(choices.suppliers[0] ?? '');
  const [lineKey, setLineKey] = useState('');
  const [direction, setDirection] = useState<'delay' | 'pull'>('delay');
  const [weeks, setWeeks] = useState('8');
  const [factor, setFactor] = useState('0.5');
  const [sku, setSku] = useState(choices.skus[0] ?? '');
  const [qty, setQty] = useState('1000');
  const [promisedDate, setPromisedDate] = useState('');
  const [outputSku, setOutputSku] = useState(choices.recipeOutputs[0] ?? '');
  const [days, setDays] = useState('14');
  const [limit, setLimit] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const needsLine = kind === 'delayLine' || kind === 'scaleLine' || kind === 'cancelLine';
  const supplierLines = useSupplierLines(needsLine ? supplier : '');
  const lines = supplierLines.state === 'ready' ? supplierLines.rows : [];
  const line = lines.find((l) => `${l.poNumber}/${l.lineNo}` === lineKey) ?? lines[0];

  function build(): StoredAdjustment | string {
    const signedDays = () => {
      const w = Number(weeks);
      if (!Number.isInteger(w) || w <= 0) return null;
      return (direction === 'delay' ? 1 : -1) * w * 7;
    };
    switch (kind) {
      case 'delaySupplier': {
        const d = signedDays();
        return d === null ? 'Weeks must be a whole number above 0.' : { kind, supplier, days: d };
      }
      case 'delayLine':
      case 'scaleLine':
      case 'cancelLine': {
        if (!line) return NO_LINE[supplierLines.state].message;
        const key = { supplier: line.supplier, poNumber: line.poNumber, lineNo: line.lineNo };
        if (kind === 'cancelLine') return { kind, ...key };
        if (kind === 'scaleLine') return /^\d+(\.\d+)?$/.test(factor) ? { kind, ...key, factor } : 'The factor must be a number such as 0.5 or 1.25.';
        const d = signedDays();
        return d === null ? 'Weeks must be a whole number above 0.' : { kind, ...key, days: d };
      }
      case 'addLine': {
        if (!/^\d+(\.\d+)?$/.test(qty) || Number(qty) <= 0) return 'The quantity must be a number above 0.';
        if (!/^\d{4}-\d{2}-\d{2}$/.test(promisedDate)) return 'Give the promised date.';
        const n = list.filter((a) => a.kind === 'addLine').length + 1;
        return { kind, supplier: supplier || 'NEW-ORDER', poNumber: `WHATIF-${n}`, lineNo: 1, sku, qty, promisedDate };
      }
      case 'setLeadTime':
        return /^\d+$/.test(days) ? { kind, outputSku, leadTimeDays: Number(days) } : 'The lead time must be a whole number of days.';
      case 'setWeeklyLimit':
        if (limit.trim() === '') return { kind, outputSku, maxStartsPerWeek: null };
        return /^\d+$/.test(limit) ? { kind, outputSku, maxStartsPerWeek: Number(limit) } : 'The limit must be a whole number (blank for none).';
    }
  }

  function add() {
    const a = build();
    if (typeof a === 'string') return setMessage(a);
    setMessage(null);
    setList((l) => [...l, a]);
  }

  return (
    <div className="whatif-builder">
      <form
        aria-label="Add a change to the what-if"
        className="builder-row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <Field id={`${id}-1`} label="Change">
          <select id={`${id}-1`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        {(kind === 'delaySupplier' || needsLine || kind === 'addLine') && (
          <Field id={`${id}-2`} label="Supplier">
            <select id={`${id}-2`} value={supplier} onChange={(e) => setSupplier(e.target.value)}>
              {choices.suppliers.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </Field>
        )}
        {needsLine && (
          <Field id={`${id}-3`} label="PO line">
            <select
              id={`${id}-3`}
              value={line ? `${line.poNumber}/${line.lineNo}` : ''}
              aria-busy={supplierLines.state === 'loading'}
              onChange={(e) => setLineKey(e.target.value)}
            >
              {lines.length === 0 && <option value="">{NO_LINE[supplierLines.state].option}</option>}
              {lines.map((l) => (
                <option key={`${l.poNumber}/${l.lineNo}`} value={`${l.poNumber}/${l.lineNo}`}>
                  {l.poNumber} line {l.lineNo}: {l.qty} {l.sku}, {l.promisedDate}
                </option>
              ))}
            </select>
          </Field>
        )}
        {(kind === 'delaySupplier' || kind === 'delayLine') && (
          <>
            <Field id={`${id}-4`} label="Direction">
              <select id={`${id}-4`} value={direction} onChange={(e) => setDirection(e.target.value as 'delay' | 'pull')}>
                <option value="delay">delay by</option>
                <option value="pull">pull in by</option>
              </select>
            </Field>
            <Field id={`${id}-5`} label="Weeks">
              <input id={`${id}-5`} type="number" min={1} max={520} inputMode="numeric" value={weeks} onChange={(e) => setWeeks(e.target.value)} style={{ width: '5rem' }} />
            </Field>
          </>
        )}
        {kind === 'scaleLine' && (
          <Field id={`${id}-6`} label="Factor">
            <input id={`${id}-6`} inputMode="decimal" value={factor} onChange={(e) => setFactor(e.target.value)} style={{ width: '5rem' }} />
          </Field>
        )}
        {kind === 'addLine' && (
          <>
            <Field id={`${id}-7`} label="Item">
              <select id={`${id}-7`} value={sku} onChange={(e) => setSku(e.target.value)}>
                {choices.skus.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-8`} label="Quantity">
              <input id={`${id}-8`} inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} style={{ width: '6rem' }} />
            </Field>
            <Field id={`${id}-9`} label="Promised">
              <input id={`${id}-9`} type="date" value={promisedDate} onChange={(e) => setPromisedDate(e.target.value)} />
            </Field>
          </>
        )}
        {(kind === 'setLeadTime' || kind === 'setWeeklyLimit') && (
          <Field id={`${id}-10`} label="Recipe for">
            <select id={`${id}-10`} value={outputSku} onChange={(e) => setOutputSku(e.target.value)}>
              {choices.recipeOutputs.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </Field>
        )}
        {kind === 'setLeadTime' && (
          <Field id={`${id}-11`} label="Lead time (days)">
            <input id={`${id}-11`} type="number" min={0} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} style={{ width: '5rem' }} />
          </Field>
        )}
        {kind === 'setWeeklyLimit' && (
          <Field id={`${id}-12`} label="Builds a week (blank: no limit)">
            <input id={`${id}-12`} type="number" min={0} inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} style={{ width: '6rem' }} />
          </Field>
        )}
        <button type="submit" className="secondary">
          Add change
        </button>
      </form>
      <p id={`${id}-msg`} className="muted small" aria-live="polite">
        {message}
      </p>
      {list.length > 0 ? (
        <ol aria-label="Changes in this what-if" className="whatif-list">
          {list.map((a, i) => (
            <li key={i}>
              {describeAdjustment(a)}{' '}
              <button type="button" className="link-button" onClick={() => setList((l) => l.filter((_, j) => j !== i))} aria-label={`Remove: ${describeAdjustment(a)}`}>
                remove
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">No changes yet: add one above, then show the what-if.</p>
      )}
      <div className="builder-row">
        <button type="button" disabled={list.length === 0 || busy} onClick={() => onRun(list)}>
          Show the what-if
        </button>
        <form
          aria-label="Save the what-if"
          className="builder-row"
          onSubmit={async (e) => {
            e.preventDefault();
            setMessage(await onSave(name, list));
          }}
        >
          <Field id={`${id}-13`} label="Name">
            <input id={`${id}-13`} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. GPUs slip 8 weeks" aria-describedby={`${id}-msg`} />
          </Field>
          <button type="submit" className="secondary" disabled={list.length === 0 || name.trim() === '' || busy}>
            Save what-if
          </button>
        </form>
      </div>
    </div>
  );
}
