import type { Shortage } from '@/lib/capacity';
import type { StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';
import type { WhatIfSpec } from './dashboard-inputs';
import { parseAdjustments } from './scenario-schema';

/** The dashboard's state, all of it in the URL so a link shows the same page: `/dashboard?scenario=A&compare=B`. */
export interface DashboardUrlState {
  /** A saved what-if drawn beside the baseline. */
  scenario: string | null;
  /** A second saved what-if compared with the first. */
  compare: string | null;
  /** A draft what-if not saved yet: its adjustments as JSON (the builder's). */
  adjustments: string | null;
  /** How much of the horizon the chart shows. */
  range: DashboardRange;
  /** The ramp as one total, or stacked by site. */
  group: 'total' | 'site';
  /** Gates over time per month or per week. */
  period: 'month' | 'week';
}

export const RANGES = { all: 'whole horizon', '6m': 'next 6 months', '3m': 'next 3 months' } as const;
export type DashboardRange = keyof typeof RANGES;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function one(p: Params, key: string): string | null {
  const v = p instanceof URLSearchParams ? p.get(key) : p[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === null || s.trim() === '' ? null : s;
}

export function parseDashboardUrl(p: Params): DashboardUrlState {
  const range = one(p, 'range');
  return {
    scenario: one(p, 'scenario'),
    compare: one(p, 'compare'),
    adjustments: one(p, 'adjustments'),
    range: range && range in RANGES ? (range as DashboardRange) : 'all',
    group: one(p, 'group') === 'site' ? 'site' : 'total',
    period: one(p, 'period') === 'week' ? 'week' : 'month',
  };
}

/** The query string of a state (defaults left out), for links and `router.replace`. */
export function dashboardQuery(s: Partial<DashboardUrlState>): string {
  const q = new URLSearchParams();
  if (s.scenario) q.set('scenario', s.scenario);
  else if (s.adjustments) q.set('adjustments', s.adjustments);
  if (s.compare) q.set('compare', s.compare);
  if (s.range && s.range !== 'all') q.set('range', s.range);
  if (s.group && s.group !== 'total') q.set('group', s.group);
  if (s.period && s.period !== 'month') q.set('period', s.period);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/**
 * "Apply as a what-if" for one target's expedite plan: a short link the page turns into the
 * draft's adjustments (a redirect to `?adjustments=…`), so the page never carries one long
 * adjustments URL per missed target.
 */
export function expediteHref(from: Partial<DashboardUrlState>, targetDate: string): string {
  const q = dashboardQuery({ ...from, scenario: null, compare: null, adjustments: null });
  return `/dashboard${q}${q ? '&' : '?'}expedite=${encodeURIComponent(targetDate)}`;
}

/** The last date the chart shows for a range, from the plan start. */
export function rangeEnd(planStart: string, range: DashboardRange): string | null {
  if (range === 'all') return null;
  const d = new Date(`${planStart}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + (range === '6m' ? 6 : 3));
  return d.toISOString().slice(0, 10);
}

/**
 * An expedite plan as a what-if: each pull-in a `delayLine` by minus the days it
 * is pulled in, each new order an `addLine` promised on its need-by date (under a
 * hypothetical supplier, `NEW-ORDER`, and a PO named after the target).
 */
export function expediteAsWhatIf(s: Pick<Shortage, 'targetDate' | 'lines'>): StoredAdjustment[] {
  const out: StoredAdjustment[] = [];
  let lineNo = 0;
  for (const l of s.lines) {
    for (const p of l.pullIn) {
      if (p.pullInDays > 0) out.push({ kind: 'delayLine', supplier: p.supplier, poNumber: p.poNumber, lineNo: p.lineNo, days: -p.pullInDays });
    }
    if (l.newOrderQuantity) {
      lineNo += 1;
      out.push({ kind: 'addLine', supplier: 'NEW-ORDER', poNumber: `EXPEDITE-${s.targetDate}`, lineNo, sku: l.sku, qty: l.newOrderQuantity, promisedDate: l.needByDate });
    }
  }
  return out;
}

/** What a draft what-if is called on the page. */
export const DRAFT_LABEL = 'draft (not saved)';

/** The what-ifs a page state draws: the saved scenario or the draft, then the comparison. Invalid drafts are left out. */
export function whatIfSpecs(s: Pick<DashboardUrlState, 'scenario' | 'compare' | 'adjustments'>): WhatIfSpec[] {
  const out: WhatIfSpec[] = [];
  if (s.scenario) out.push({ label: s.scenario, scenario: s.scenario, adjustments: null });
  else if (s.adjustments) {
    const parsed = parseAdjustments(safeJson(s.adjustments));
    if (parsed.ok) out.push({ label: DRAFT_LABEL, scenario: null, adjustments: parsed.adjustments });
  }
  if (s.compare && s.compare !== s.scenario) out.push({ label: s.compare, scenario: s.compare, adjustments: null });
  return out;
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
