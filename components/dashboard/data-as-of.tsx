import type { DataChange } from '@/lib/forecast/data-as-of';
import { formatDateTime } from '@/components/ui/format';

/** One line under the headline: which data the forecast was computed from, and when. */
export function DataAsOf({ change, computedAt }: { change: DataChange | null; computedAt?: string }) {
  return (
    <p className="muted" aria-label="Computed from">
      {change ? (
        <>
          From the data as of {formatDateTime(change.at)}: {change.what} by {change.actor}.
        </>
      ) : (
        <>From the data as loaded.</>
      )}
      {computedAt ? <> Computed {formatDateTime(computedAt)}.</> : null}
    </p>
  );
}
