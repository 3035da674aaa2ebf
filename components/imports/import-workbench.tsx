'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { ErrorsTable } from './errors-table';
import { FileDrop } from './file-drop';
import { MappingEditor } from './mapping-editor';
import { OptionSelect } from './option-select';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { cleanMapping, DELIMITER_LABELS, ENCODING_LABELS, mappingProblems, plural, startingMapping } from './preview-model';
import { PreviewSummary } from './preview-summary';
import { SUPPLIER_KINDS, type ImportMapping, type ImportSummary, type InspectResult, type KindColumns, type RowError } from './types';
import styles from './imports.module.css';

export interface KindOption extends KindColumns {
  kind: ImportKind;
  label: string;
}

type Inspection =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ok'; result: InspectResult; source: 'saved' | 'suggested' | 'kept'; savedName: string | null };

/** The answer to a dry run or a commit, as the page shows it. */
type Outcome =
  | { status: 'ok'; summary: ImportSummary }
  | { status: 'invalid'; message: string; errors: RowError[]; errorCount: number }
  | { status: 'forbidden'; message: string; rows: RowError[]; rowCount: number }
  | { status: 'error'; message: string };


async function readJson(res: Response): Promise<Record<string, unknown>> {
  try {
    return (await res.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function errorText(res: Response, body: Record<string, unknown>): string {
  if (typeof body.error === 'string' && body.error) return body.error;
  if (res.status === 413) return 'The file is over the size limit.';
  if (res.status === 401) return 'Your session has ended: sign in again.';
  return `The server answered ${res.status}.`;
}

function toOutcome(res: Response, body: Record<string, unknown>): Outcome {
  if (res.ok) return { status: 'ok', summary: body as unknown as ImportSummary };
  const message = errorText(res, body);
  if (res.status === 422 && Array.isArray(body.errors)) {
    const errors = body.errors as RowError[];
    return { status: 'invalid', message, errors, errorCount: typeof body.errorCount === 'number' ? body.errorCount : errors.length };
  }
  if (res.status === 403 && Array.isArray(body.rows)) {
    const rows = body.rows as RowError[];
    return { status: 'forbidden', message, rows, rowCount: typeof body.rowCount === 'number' ? body.rowCount : rows.length };
  }
  return { status: 'error', message };
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h) => b.includes(h));
}

/**
 * The supplier-file import, step by step: choose the file and what it holds, check
 * what was detected and the column mapping, preview the changes (a dry run that
 * writes nothing), then commit them as one batch.
 */
export function ImportWorkbench({ kinds, suppliers }: { kinds: KindOption[]; suppliers: { code: string; name: string }[] }) {
  const router = useRouter();
  const [kind, setKind] = useState<ImportKind>('purchase-orders');
  const [supplier, setSupplier] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileSeq, setFileSeq] = useState(0);
  const [inspection, setInspection] = useState<Inspection>({ status: 'idle' });
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [pending, setPending] = useState<null | 'preview' | 'commit'>(null);
  // The last dry run, with the file/kind/supplier/mapping it was run for.
  const [preview, setPreview] = useState<{ key: string; outcome: Outcome } | null>(null);
  const [commit, setCommit] = useState<Outcome | null>(null);
  const [remember, setRemember] = useState(true);
  // Only the latest request's answer counts: a slow answer for a file since replaced is dropped.
  const inspectAbort = useRef<AbortController | null>(null);
  const resultRef = useRef<HTMLElement | null>(null);

  // A new preview or commit answer: bring it into view (the mapping above can be long).
  useEffect(() => {
    if (preview || commit?.status === 'ok') resultRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [preview, commit]);

  const spec = kinds.find((k) => k.kind === kind) ?? kinds[0]!;
  const supplierKind = SUPPLIER_KINDS.includes(kind);
  const effectiveSupplier = supplierKind ? supplier : '';

  /** `keep`: the mapping the person set for the previous file, reused when the new file has the same columns. */
  async function inspect(nextFile: File | null, nextKind: ImportKind, nextSupplier: string, keep: ImportMapping | null = null) {
    inspectAbort.current?.abort();
    setPreview(null);
    setCommit(null);
    setMapping(null);
    if (!nextFile) {
      setInspection({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    inspectAbort.current = controller;
    setInspection({ status: 'loading' });
    const params = new URLSearchParams({ kind: nextKind });
    if (SUPPLIER_KINDS.includes(nextKind) && nextSupplier) params.set('supplier', nextSupplier);
    try {
      const res = await fetch(`/api/imports/inspect?${params}`, {
        method: 'POST',
        body: nextFile,
        headers: { 'content-type': nextFile.type || 'text/csv' },
        signal: controller.signal,
      });
      const body = await readJson(res);
      if (controller.signal.aborted) return;
      if (!res.ok) {
        setInspection({ status: 'error', message: errorText(res, body) });
        return;
      }
      const result = body as unknown as InspectResult;
      if (keep && sameColumns(Object.keys(keep.columns), result.headers)) {
        // A corrected file, chosen again: keep the person's work rather than start over.
        setInspection({ status: 'ok', result, source: 'kept', savedName: null });
        setMapping(keep);
        return;
      }
      const start = startingMapping(result);
      // A PO file without a supplier column is the chosen supplier's: fill it in.
      if (nextKind === 'purchase-orders' && nextSupplier && !Object.values(start.mapping.columns).includes('supplier') && !start.mapping.constants?.supplier) {
        start.mapping = { ...start.mapping, constants: { ...start.mapping.constants, supplier: nextSupplier } };
      }
      setInspection({ status: 'ok', result, source: start.source, savedName: start.name });
      setMapping(start.mapping);
    } catch (err) {
      if (controller.signal.aborted) return;
      setInspection({ status: 'error', message: `The file could not be sent: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  function chooseFile(next: File) {
    setFile(next);
    setFileSeq((n) => n + 1);
    void inspect(next, kind, supplier, mapping);
  }

  const sendable = mapping ? cleanMapping(mapping) : null;
  const runKey = `${fileSeq}|${kind}|${effectiveSupplier}|${JSON.stringify(sendable)}`;
  const problems = mapping && inspection.status === 'ok' ? mappingProblems(kind, mapping, inspection.result.headers) : [];
  const mappingReady = !!sendable && problems.length === 0;

  async function send(dryRun: boolean) {
    if (!file || !sendable) return;
    const key = runKey;
    setPending(dryRun ? 'preview' : 'commit');
    setCommit(null);
    const params = new URLSearchParams({ filename: file.name, mapping: JSON.stringify(sendable) });
    if (effectiveSupplier) params.set('supplier', effectiveSupplier);
    if (dryRun) params.set('dryRun', '1');
    else if (remember && effectiveSupplier) params.set('save', '1');
    let outcome: Outcome;
    try {
      const res = await fetch(`/api/imports/${encodeURIComponent(kind)}?${params}`, { method: 'POST', body: file, headers: { 'content-type': 'text/csv' } });
      outcome = toOutcome(res, await readJson(res));
    } catch (err) {
      outcome = { status: 'error', message: `The file could not be sent: ${err instanceof Error ? err.message : String(err)}` };
    }
    setPending(null);
    if (dryRun) setPreview({ key, outcome });
    else {
      setCommit(outcome);
      // The history below lists the new batch.
      if (outcome.status === 'ok') router.refresh();
    }
  }

  function reset() {
    inspectAbort.current?.abort();
    setFile(null);
    setInspection({ status: 'idle' });
    setMapping(null);
    setPreview(null);
    setCommit(null);
  }

  const busy = pending !== null || inspection.status === 'loading';
  const previewed = preview?.key === runKey ? preview.outcome : null;
  const stale = preview !== null && preview.key !== runKey;
  const committed = commit?.status === 'ok' ? commit.summary : null;
  const commitFailed = commit && commit.status !== 'ok' ? commit : null;
  const changeCount = previewed?.status === 'ok' ? previewed.summary.created + previewed.summary.updated : 0;

  return (
    <div className={styles.workbench}>
      <section className={`panel ${styles.step}`} aria-labelledby="step-file">
        <h2 id="step-file" className={styles.stepTitle}>
          <span className={styles.stepNo}>1</span> File
        </h2>
        <div className={styles.formatRow}>
          <OptionSelect
            label="What the file holds"
            value={kind}
            options={kinds.map((k) => ({ value: k.kind, label: k.label }))}
            disabled={busy || !!committed}
            onChange={(next) => {
              setKind(next);
              void inspect(file, next, supplier);
            }}
          />
          {supplierKind && (
            <OptionSelect
              label="Supplier"
              value={supplier}
              options={[
                { value: '', label: kind === 'purchase-orders' ? '— named in the file —' : '— none —' },
                ...suppliers.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` })),
              ]}
              disabled={busy || !!committed}
              onChange={(code) => {
                setSupplier(code);
                void inspect(file, kind, code);
              }}
            />
          )}
        </div>
        <FileDrop file={file} onFile={chooseFile} disabled={busy || !!committed} />
        <div aria-live="polite">
          {inspection.status === 'loading' && <p className="muted">Reading the file…</p>}
          {inspection.status === 'error' && (
            <p className="alert error" role="alert">
              {inspection.message}
            </p>
          )}
          {inspection.status === 'ok' && (
            <dl className={styles.detected} aria-label="Detected format">
              <div>
                <dt>Encoding</dt>
                <dd>{ENCODING_LABELS[inspection.result.encoding] ?? inspection.result.encoding}</dd>
              </div>
              <div>
                <dt>Delimiter</dt>
                <dd>{DELIMITER_LABELS[inspection.result.delimiter] ?? inspection.result.delimiter}</dd>
              </div>
              <div>
                <dt>Header row</dt>
                <dd>{inspection.result.headerRow}</dd>
              </div>
              <div>
                <dt>Data rows</dt>
                <dd>{inspection.result.rowCount.toLocaleString('en-US')}</dd>
              </div>
              <div>
                <dt>Format</dt>
                <dd>{inspection.result.canonical ? 'canonical ClearBuild CSV' : "supplier's own"}</dd>
              </div>
            </dl>
          )}
        </div>
      </section>

      {inspection.status === 'ok' && mapping && (
        <section className={`panel ${styles.step}`} aria-labelledby="step-mapping">
          <h2 id="step-mapping" className={styles.stepTitle}>
            <span className={styles.stepNo}>2</span> Column mapping
          </h2>
          <p className={styles.source}>
            {inspection.source === 'saved' ? (
              <>
                Using mapping <strong>{inspection.savedName}</strong> saved for <strong>{effectiveSupplier || `${spec.label.toLowerCase()} files`}</strong>.
              </>
            ) : inspection.source === 'kept' ? (
              'Kept the mapping you set for the previous file: it has the same columns.'
            ) : (
              'Suggested from the headers: check each column before previewing.'
            )}
          </p>
          <MappingEditor
            inspect={inspection.result}
            spec={spec}
            kind={kind}
            mapping={mapping}
            problems={problems}
            onChange={setMapping}
            disabled={busy || !!committed}
          />
          <div className={styles.actions}>
            <button type="button" onClick={() => void send(true)} disabled={!mappingReady || busy || !!committed}>
              {pending === 'preview' ? 'Previewing…' : 'Preview (dry run)'}
            </button>
            <span className="muted small">Nothing is written until you commit.</span>
          </div>
        </section>
      )}

      {(preview || pending === 'preview') && !committed && (
        <section ref={resultRef} className={`panel ${styles.step}`} aria-labelledby="step-preview" aria-busy={pending !== null}>
          <h2 id="step-preview" className={styles.stepTitle}>
            <span className={styles.stepNo}>3</span> Preview
          </h2>
          {stale && pending !== 'preview' && <p className="alert info">The mapping changed since this preview: preview again to see its effect.</p>}
          {pending === 'preview' && <p className="muted">Checking every row against the database…</p>}
          {preview && pending !== 'preview' && (
            <div className={stale ? styles.stale : undefined}>
              <OutcomeView outcome={preview.outcome} filename={file?.name ?? 'import.csv'} />
            </div>
          )}
          {previewed?.status === 'ok' && changeCount > 0 && (
            <div className={styles.commitBar}>
              {effectiveSupplier && inspection.status === 'ok' && !inspection.result.canonical && (
                <label className={styles.check}>
                  <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
                  Remember this mapping for {effectiveSupplier}
                </label>
              )}
              <button type="button" onClick={() => void send(false)} disabled={busy}>
                {pending === 'commit' ? 'Committing…' : `Commit ${plural(changeCount, 'change')}`}
              </button>
              <span className="muted small">All or nothing, as one batch you can revert.</span>
            </div>
          )}
          {commitFailed && <OutcomeView outcome={commitFailed} filename={file?.name ?? 'import.csv'} />}
        </section>
      )}

      {committed && (
        <section ref={resultRef} className={`panel ${styles.step}`} aria-labelledby="step-done">
          <h2 id="step-done" className={styles.stepTitle}>
            <span className={styles.stepNo}>4</span> Committed
          </h2>
          <p className="alert info" role="status">
            Committed as{' '}
            <Link href={`/imports/${committed.batchId}`}>
              <strong>batch #{committed.batchId}</strong>
            </Link>
            : {committed.created.toLocaleString('en-US')} new, {committed.updated.toLocaleString('en-US')} changed, {committed.unchanged.toLocaleString('en-US')} unchanged.
            {committed.mappingSaved && (
              <>
                {' '}
                The mapping is saved as <strong>{committed.mappingSaved}</strong> for {effectiveSupplier || 'files of this kind'}.
              </>
            )}
          </p>
          <button type="button" className="secondary" onClick={reset}>
            Import another file
          </button>
        </section>
      )}
    </div>
  );
}

function OutcomeView({ outcome, filename }: { outcome: Outcome; filename: string }) {
  switch (outcome.status) {
    case 'ok':
      return <PreviewSummary summary={outcome.summary} />;
    case 'invalid':
      return (
        <>
          <p className="alert error" role="alert">
            {outcome.message}
            <span className={styles.hint}>Nothing was written. Fix the mapping, or fix the file and choose it again, then preview again.</span>
          </p>
          <ErrorsTable errors={outcome.errors} errorCount={outcome.errorCount} filename={filename} />
        </>
      );
    case 'forbidden':
      return (
        <>
          <p className="alert error" role="alert">
            {outcome.message}
          </p>
          <ErrorsTable errors={outcome.rows} errorCount={outcome.rowCount} filename={filename} />
        </>
      );
    case 'error':
      return (
        <p className="alert error" role="alert">
          {outcome.message}
        </p>
      );
  }
}
