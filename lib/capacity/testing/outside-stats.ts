import type { Forecast } from '../types';

/** The forecast document as JSON without `stats`, the only place timing may live: what "the same answer" compares. */
export const outsideStats = (f: Forecast) => JSON.stringify({ ...f, stats: undefined });
