import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChartPoint } from '@/lib/forecast/summarize';
import { markScript, RampSketch } from './ramp-sketch';
import { niceTicks, PLOT_HEIGHT, PLOT_WIDTH, sketchGeometry, stepPath } from './ramp-sketch-geometry';

/** The horizontal pieces of a path made of M/V/H commands: [from x, to x, y]. An independent reading of it. */
function horizontalPieces(d: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MVHZ])([^MVHZ]*)/g)) {
    const n = args!.trim().split(/\s+/).filter(Boolean).map(Number);
    if (cmd === 'M') [x, y] = [n[0]!, n[1]!];
    else if (cmd === 'V') y = n[0]!;
    else if (cmd === 'H') {
      out.push([Math.min(x, n[0]!), Math.max(x, n[0]!), y]);
      x = n[0]!;
    }
  }
  return out;
}

/** The y a step path holds across the middle of day i (of n), or null where it draws nothing. */
function heldAt(d: string, i: number, n: number): number | null {
  const mid = ((i + 0.5) * PLOT_WIDTH) / (n - 1);
  const x = Math.min(mid, PLOT_WIDTH - 0.01);
  const piece = horizontalPieces(d).find(([a, b]) => a <= x && x <= b);
  return piece ? piece[2] : null;
}

const day = (i: number) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10);

describe('the server-drawn ramp', () => {
  it('puts round axis ticks from 0 to at or above the largest value, evenly spaced', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1e7, noNaN: true }), (max) => {
        const t = niceTicks(max);
        expect(t[0]).toBe(0);
        expect(t[t.length - 1]).toBeGreaterThanOrEqual(max);
        expect(t.length).toBeGreaterThanOrEqual(3);
        expect(t.length).toBeLessThanOrEqual(6);
        const step = t[1]! - t[0]!;
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-6)).toBe(true);
        for (let i = 1; i < t.length; i++) expect(t[i]! - t[i - 1]!).toBeCloseTo(step, 6);
      }),
    );
  });

  it('draws each day’s value as a step held until the next day, and breaks the line where a day has none', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }), { minLength: 2, maxLength: 60 }), (values) => {
        const y = (v: number) => PLOT_HEIGHT - (v / 5000) * PLOT_HEIGHT;
        const d = stepPath(values, y);
        values.forEach((v, i) => {
          if (i === values.length - 1) return; // the last day holds to the edge: covered by the day before's end
          const held = heldAt(d, i, values.length);
          if (v === null) expect(held).toBeNull();
          else expect(held).toBeCloseTo(Math.round(y(v) * 10) / 10, 5);
        });
      }),
    );
  });

  it('stacks the sites so the top of the stack is the plan, and marks only milestones within the days shown', () => {
    const points: ChartPoint[] = Array.from({ length: 90 }, (_, i) => ({
      date: day(i),
      gpusOnline: 8 * i + 16 * Math.floor(i / 10),
      target: i < 30 ? null : 600,
      isTargetDate: i === 30,
      bySite: { PHX1: 8 * i, DSM2: 16 * Math.floor(i / 10) },
    }));
    const g = sketchGeometry(points, { group: 'site', sites: ['PHX1', 'DSM2'], milestones: [{ date: day(40), label: '500' }, { date: '2030-01-01', label: '1K' }] });
    expect(g.areas.map((a) => a.key)).toEqual(['PHX1', 'DSM2']);
    for (let i = 0; i < points.length - 1; i++) {
      expect(heldAt(g.areas[1]!.d, i, points.length)).toBeCloseTo(heldAt(g.plan, i, points.length)!, 5);
      expect(heldAt(g.target, i, points.length)).toBe(i < 30 ? null : Math.round((PLOT_HEIGHT - (600 / g.yMax) * PLOT_HEIGHT) * 10) / 10);
    }
    expect(g.milestones).toEqual([{ label: '500', left: (40 / 89) * 100 }]);
    expect(g.xTicks.map((t) => t.label)).toEqual(['2027-01', '2027-02', '2027-03']);
  });

  it('renders the plan and the what-if with their names, and the mark with the page’s nonce', () => {
    const points: ChartPoint[] = Array.from({ length: 10 }, (_, i) => ({ date: day(i), gpusOnline: 100 * i, target: 800, isTargetDate: false, bySite: {} }));
    const html = renderToStaticMarkup(
      createElement(RampSketch, {
        points,
        whatIf: { name: 'NVIDIA slips 8 weeks', points: points.map((p) => ({ ...p, gpusOnline: p.gpusOnline / 2 })) },
        group: 'total',
        sites: [],
        milestones: [],
        until: null,
        height: 360,
        markAs: 'dashboard:whatif-drawn',
        nonce: 'abc123==',
      }),
    );
    expect(html).toContain('What-if: NVIDIA slips 8 weeks');
    expect(html).toContain('Target');
    expect(html).toContain(`<script nonce="abc123==">${markScript('dashboard:whatif-drawn')}</script>`);
    expect(markScript('dashboard:whatif-drawn')).toContain('performance.mark("dashboard:whatif-drawn")');
    expect(html.match(/<path /g)?.length).toBe(4); // the area, the plan, the what-if, the target
  });
});
