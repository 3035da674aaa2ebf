import { describe, expect, it } from 'vitest';
import { forecastParamsSchema } from './params';
import { requestOptions } from './run-forecast';

const include = (s: string) => forecastParamsSchema.parse({ include: s }).include;

describe('include= on the forecast API and --include on the CLI', () => {
  it('is a comma list of pegging and lineValues, in any order and spelling the CLI uses, kept in one order', () => {
    expect(include('pegging')).toEqual(['pegging']);
    expect(include('lineValues,pegging')).toEqual(['pegging', 'lineValues']);
    expect(include(' line-values , pegging,')).toEqual(['pegging', 'lineValues']);
    expect(include('lineValues,lineValues')).toEqual(['lineValues']);
  });

  it('refuses anything else, naming what it can be', () => {
    const r = forecastParamsSchema.safeParse({ include: 'pegging,everything' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('can only be pegging or lineValues (a comma list)');
  });

  it('asks the engine for line values only when included, so every other request keeps its cache key', () => {
    expect(requestOptions({ include: ['pegging', 'lineValues'] })).toMatchObject({ tier: 'proven', pegging: 'full', lineValues: true });
    expect(requestOptions({ tier: 'quick' })).toEqual({ tier: 'quick', pegging: 'none' });
    expect(requestOptions({ include: ['lineValues'] })).toMatchObject({ pegging: 'none', lineValues: true });
  });
});
