'use client';

import { useMemo } from 'react';
import { ChangesTable } from './changes-table';
import { plural, signed, summarizeMoves, viewChange } from './preview-model';
import type { ForecastPoint, ImportSummary } from './types';
import styles from './imports.module.css';

function int(text: string | number): number {
  const n = typeof text === 'number' ? text : Number(text);
  return Number.isFinite(n) ? n : 0;
}

function Delta({ before, after, unit }: { before: number; after: number; unit: string }) {
  const d = after - before;
  return (
    <>
      <div className="value">
        <span className={styles.before}>{before.toLocaleString('en-US')}</span> → {after.toLocaleString('en-US')}
      </div>
      <div className={`sub ${d < 0 ? styles.worse : d > 0 ? styles.better : ''}`}>
        {signed(d)} {unit}
      </div>
    </>
  );
}

/** What committing would do to the forecast: GPUs online at the next target, and GPU-days. */
function ForecastChange({ before, after }: { before: ForecastPoint; after: ForecastPoint }) {
  const target = after.nextTarget ?? before.nextTarget;
  return (
    <section aria-labelledby="forecast-change-heading" className={styles.block}>
      <h3 id="forecast-change-heading">Forecast if committed</h3>
      <div className="cards" style={{ marginBottom: 0 }}>
        {target && (
          <div className="card" aria-label="GPUs online at the next target">
            <div className="label">
              GPUs online · next target {target.date}
            </div>
            <Delta before={before.nextTarget?.gpusOnline ?? 0} after={after.nextTarget?.gpusOnline ?? 0} unit="GPUs" />
            <div className="sub">target {target.target.toLocaleString('en-US')}</div>
          </div>
        )}
        <div className="card" aria-label="GPU-days over the horizon">
          <div className="label">GPU-days</div>
          <Delta before={int(before.gpuDays)} after={int(after.gpuDays)} unit="GPU-days" />
          <div className="sub">what the schedule maximises</div>
        </div>
      </div>
    </section>
  );
}

/** A dry run, for a person deciding whether to commit: counts, moved promised dates, the forecast's change, the diff. */
export function PreviewSummary({ summary }: { summary: ImportSummary }) {
  const views = useMemo(() => summary.changes.map(viewChange), [summary.changes]);
  const moves = useMemo(() => summarizeMoves(views), [views]);
  const hasPromised = views.some((v) => v.promised || 'promisedDate' in v.change.after || 'promised_date' in v.change.after);
  const changes = summary.created + summary.updated;

  if (changes === 0) {
    return (
      <div className="alert info" role="status">
        {summary.alreadyImported
          ? 'This file changes nothing (already imported).'
          : `This file changes nothing: all ${plural(summary.unchanged, 'row')} match what is stored.`}
      </div>
    );
  }

  return (
    <>
      <section className="cards" aria-label="What this file changes">
        <div className="card">
          <div className="label">New</div>
          <div className="value">{summary.created.toLocaleString('en-US')}</div>
          <div className="sub">rows to create</div>
        </div>
        <div className="card">
          <div className="label">Changed</div>
          <div className="value">{summary.updated.toLocaleString('en-US')}</div>
          <div className="sub">rows to update</div>
        </div>
        <div className="card">
          <div className="label">Unchanged</div>
          <div className="value">{summary.unchanged.toLocaleString('en-US')}</div>
          <div className="sub">rows already as stored</div>
        </div>
        {hasPromised && (
          <div className={`card ${moves.later > 0 ? styles.cardWarn : ''}`}>
            <div className="label">Promised dates moved</div>
            <div className="value">{moves.moved.toLocaleString('en-US')}</div>
            <div className="sub">
              {moves.later} later, {moves.earlier} earlier
            </div>
          </div>
        )}
      </section>
      {hasPromised && (
        <p className={styles.headline} role="status">
          {moves.moved === 0
            ? 'No promised dates moved.'
            : `${plural(moves.moved, 'promised date')} moved, ${moves.later.toLocaleString('en-US')} later${moves.later > 0 ? ` (by up to ${plural(moves.maxSlip, 'day')})` : ''}.`}
          {summary.changesTruncated ? ` Counted over the first ${summary.changes.length.toLocaleString('en-US')} changes.` : ''}
        </p>
      )}
      {summary.forecast && <ForecastChange before={summary.forecast.before} after={summary.forecast.after} />}
      <section aria-labelledby="changes-heading" className={styles.block}>
        <h3 id="changes-heading">Changes</h3>
        <ChangesTable views={views} hasPromised={hasPromised} />
        <p className="muted small">
          {summary.changesTruncated ? `Showing the first ${summary.changes.length.toLocaleString('en-US')} of ${changes.toLocaleString('en-US')} changes. ` : ''}
          {plural(summary.unchanged, 'row')} unchanged.
        </p>
      </section>
    </>
  );
}
