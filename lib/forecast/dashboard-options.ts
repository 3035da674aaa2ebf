import type { ForecastOptions } from '@/lib/capacity';

/** The dashboard's forecast: everything but the per-batch pegging, which it never shows. */
export const DASHBOARD_OPTIONS: ForecastOptions = { pegging: 'none' };
