import type { ForecastOptions } from '@/lib/capacity';

/** The dashboard's forecast: everything but the per-batch pegging, which it never shows. */
export const DASHBOARD_OPTIONS: ForecastOptions = { pegging: 'none' };

/**
 * How the dashboard asks for a what-if (`GET /api/forecast?tier=quick&shortages=none`, and the page when it looks
 * for an answer stored already): the quick tier, without expedite plans — it draws the what-if's ramp and deltas
 * only, and the plans cost up to a third of a quick answer and most of its bytes.
 */
export const WHATIF_PARAMS = { tier: 'quick', shortages: 'none' } as const;
