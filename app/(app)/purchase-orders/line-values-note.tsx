import Link from 'next/link';
import { computedByThisEngine, type LineValueState } from '@/lib/forecast/line-values-store';

/**
 * Where the grid's "GPUs gated" and "GPU-days / week" columns come from, said honestly: computing (blank
 * cells), the forecast of older data being recomputed, or the forecast of the data as it is.
 */
export function LineValuesNote({ state }: { state: LineValueState }) {
  const sortLink = (
    <Link href="/purchase-orders?sort=gpuDaysPerWeekSlip:desc" className="small">
      Lines that matter first
    </Link>
  );
  if (state.status === 'none' && !state.openLines)
    return (
      <p className="muted" role="status" data-line-values="no-open-lines">
        GPUs gated and GPU-days at stake: no open lines to value (every line is received or cancelled).
      </p>
    );
  if (state.status === 'none')
    return (
      <p className="muted" role="status" data-line-values="computing">
        GPU-days at stake per line: computing… (the baseline forecast with each line&rsquo;s value runs in the background; reload in a moment). Until then those cells are blank.
      </p>
    );
  const from = `the baseline forecast from ${state.planStart}`;
  return (
    <p className="muted" role="status" data-line-values={state.status} data-input-version={state.inputVersion}>
      {state.status === 'current'
        ? `GPUs gated and GPU-days at stake per week of slip or pull-in: ${from}. `
        : `GPUs gated and GPU-days at stake are from ${from}, read ${state.dataReadAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${
            computedByThisEngine(state) ? 'recomputing for the changes since… ' : 'computed by another version of the engine; recomputing… '
          }`}
      {sortLink}
    </p>
  );
}
