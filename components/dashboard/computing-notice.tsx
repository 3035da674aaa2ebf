'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { DataChange } from '@/lib/forecast/data-as-of';
import type { ComputingWhat } from '@/lib/forecast/computing';
import { formatInt } from '@/components/ui/format';
import { DataAsOf } from './data-as-of';

const REFRESH_MS = 1_500;

/**
 * Shown while the forecast of the current data is being computed: what is being
 * computed and from which change, never a silent skeleton. It asks the server
 * again every moment and is replaced by the dashboard once the forecast is stored.
 */
export function ComputingNotice({ what, dataAsOf }: { what: ComputingWhat; dataAsOf: DataChange | null }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div className="alert info" role="status" aria-live="polite" aria-busy="true">
      <p style={{ margin: 0, fontWeight: 600 }}>
        <span className="spinner" aria-hidden="true" /> Computing the forecast…
      </p>
      <p style={{ margin: '0.4rem 0 0' }}>
        {what.scenario ? `Scenario “${what.scenario}”: ` : ''}GPUs online from {what.planStart} over {formatInt(what.horizonDays)} days, scheduled
        from {formatInt(what.items)} items, {formatInt(what.recipes)} recipes and {formatInt(what.openLines)} open PO lines. This page updates by
        itself when it is ready.
      </p>
      <DataAsOf change={dataAsOf} />
    </div>
  );
}

/** A part of the page computed in the background: says so, and refreshes the page until it is there. */
export function RefreshWhile({ label, everyMs = 4_000 }: { label: string; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return (
    <p className="panel muted small" role="status" aria-live="polite" aria-busy="true">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}
