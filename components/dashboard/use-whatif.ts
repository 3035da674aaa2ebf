'use client';

import { useEffect, useState } from 'react';
import type { Forecast } from '@/lib/capacity';
import { WHATIF_PARAMS } from '@/lib/forecast/dashboard-options';
import { chartSummaryOf, summarizeForecast, type ChartSummary, type ItemNames } from '@/lib/forecast/summarize';
import { DRAFT_LABEL, rangeEnd, type DashboardUrlState } from '@/lib/scenarios/url-state';

export type WhatIfState =
  | { status: 'none' }
  | { status: 'loading'; name: string }
  /** `ms` null: read with the page (the answer was stored already). */
  | { status: 'ready'; name: string; summary: ChartSummary; ms: number | null }
  | { status: 'error'; name: string; message: string };

export interface WhatIfRequest {
  /** A saved scenario's name, or null for a draft. */
  scenario: string | null;
  /** A draft's adjustments as JSON. */
  adjustments: string | null;
  label: string;
}

const requestKey = (r: Pick<WhatIfRequest, 'scenario' | 'adjustments'>) => `${r.scenario ?? ''}|${r.adjustments ?? ''}`;

/** A what-if asked for before the page that draws it arrived: its answer (or failure), and when it was asked. */
interface HeadStart {
  answer: Promise<Forecast>;
  started: number;
}
// Browser-only state (one copy per tab): what the builder's "Show the what-if" asked for, taken by the page it opens.
const headStarts = new Map<string, HeadStart>();

function askForWhatIf(request: Pick<WhatIfRequest, 'scenario' | 'adjustments'>, base: { planStart: string; horizonDays: number }): Promise<Forecast> {
  const q = new URLSearchParams({ ...WHATIF_PARAMS, planStart: base.planStart, horizonDays: String(base.horizonDays) });
  if (request.scenario) q.set('scenario', request.scenario);
  else if (request.adjustments) q.set('adjustments', request.adjustments);
  return fetch(`/api/forecast?${q}`).then(async (res) => {
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      const wait = res.headers.get('Retry-After');
      throw new Error(`${body.error ?? `The engine answered ${res.status}.`}${wait ? ` Try again in ${wait} s.` : ''}`);
    }
    return (await res.json()) as Forecast;
  });
}

/**
 * Starts asking for a what-if now, while the page that draws it is still being fetched (its URL carries the
 * what-if): the engine's answer and the page's navigation then run side by side instead of one after the other.
 */
export function startWhatIf(request: Pick<WhatIfRequest, 'scenario' | 'adjustments'>, base: { planStart: string; horizonDays: number }): void {
  const answer = askForWhatIf(request, base);
  answer.catch(() => undefined); // reported by the page that takes it
  headStarts.clear(); // only the latest: an older one is never drawn
  headStarts.set(requestKey(request), { answer, started: performance.now() });
}

/**
 * Asks the engine for a what-if at the quick tier without expedite plans (`GET /api/forecast?tier=quick&shortages=none`),
 * over the baseline's own plan start and horizon so the two are comparable day by
 * day, and summarises it like the baseline.
 */
export function useWhatIf(
  request: WhatIfRequest | null,
  base: { planStart: string; horizonDays: number; today: string },
  items: ItemNames,
  answered?: ChartSummary,
): WhatIfState {
  // An answer the page brought along needs no request.
  const key = request && !answered ? requestKey(request) : '';
  const [state, setState] = useState<{ key: string; value: WhatIfState }>({ key: '', value: { status: 'none' } });
  useEffect(() => {
    if (!request || !key) return;
    let live = true;
    // Taken once: the builder asked for it already (startWhatIf); a later visit to the same URL asks anew.
    const early = headStarts.get(key);
    headStarts.delete(key);
    const started = early?.started ?? performance.now();
    (early?.answer ?? askForWhatIf(request, base))
      .then((f) => {
        if (!live) return;
        setState({ key, value: { status: 'ready', name: request.label, summary: chartSummaryOf(summarizeForecast(f, base.today, items)), ms: performance.now() - started } });
      })
      .catch((err: unknown) => live && setState({ key, value: { status: 'error', name: request.label, message: (err as Error).message } }));
    return () => {
      live = false;
    };
    // The request is identified by its key; the baseline's dates and the names are fixed for the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!request) return { status: 'none' };
  if (answered) return { status: 'ready', name: request.label, summary: answered, ms: null };
  return state.key === key ? state.value : { status: 'loading', name: request.label };
}

/** A what-if's line on the ramp once it is answered; null while it is not. */
function seriesOf(state: WhatIfState): { name: string; points: ChartSummary['chart'] } | null {
  return state.status === 'ready' ? { name: state.name, points: state.summary.chart } : null;
}

/** What the dashboard's ramp and the print view's draw alike: the plan, the what-if and comparison, the grouping, the range. */
export function rampData(base: ChartSummary, url: Pick<DashboardUrlState, 'group' | 'range'>, whatIf: WhatIfState, compare: WhatIfState) {
  return {
    base: base.chart,
    whatIf: seriesOf(whatIf),
    compare: seriesOf(compare),
    group: url.group,
    sites: base.sites,
    weekGates: base.weekGates,
    until: rangeEnd(base.planStart, url.range),
  };
}

/** The page's what-if (saved or draft) and its comparison, each read with the page when stored, else asked for. */
export function useWhatIfs(
  url: Pick<DashboardUrlState, 'scenario' | 'compare' | 'adjustments'>,
  base: { planStart: string; horizonDays: number; today: string },
  items: ItemNames,
  answered: Record<string, ChartSummary>,
): [WhatIfState, WhatIfState] {
  const first = url.scenario
    ? { scenario: url.scenario, adjustments: null, label: url.scenario }
    : url.adjustments
      ? { scenario: null, adjustments: url.adjustments, label: DRAFT_LABEL }
      : null;
  const second = url.compare ? { scenario: url.compare, adjustments: null, label: url.compare } : null;
  return [useWhatIf(first, base, items, first ? answered[first.label] : undefined), useWhatIf(second, base, items, second ? answered[second.label] : undefined)];
}
