import type { DataChange } from '@/lib/forecast/data-as-of';
import { formatDateTime } from '@/components/ui/format';

/**
 * One line under the headline: when the figures were computed and from which data
 * (the last import or edit, and by whom). The headline's cards point at it with
 * `aria-describedby`, so each figure is read with its provenance.
 */
export function DataAsOf({ change, computedAt, id }: { change: DataChange | null; computedAt?: string; id?: string }) {
  const data = change ? (
    <>
      the data as of {formatDateTime(change.at)} (last change: {change.what} by {change.actor})
    </>
  ) : (
    <>the data as loaded (no import or edit since)</>
  );
  return (
    <p className="muted" aria-label="Computed from" id={id}>
      {computedAt ? <>Every figure on this page was computed {formatDateTime(computedAt)} from {data}.</> : <>From {data}.</>}
    </p>
  );
}
