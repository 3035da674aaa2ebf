import Decimal from 'decimal.js';
import { addDays, differenceInCalendarDays, parseISO, startOfISOWeek, format } from 'date-fns';
import type { CapacityModel, Forecast } from '../types';

/**
 * An independent check that a forecast's schedule obeys DESIGN.md's
 * conventions, and that its GPU-days and series follow from it. Written with
 * date-fns and decimal.js, sharing nothing with the engine. Applies no
 * adjustments: pass the model the scenario amounts to. Returns problems found.
 */
export function checkForecast(model: CapacityModel, f: Forecast): string[] {
  const problems: string[] = [];
  const S = parseISO(model.planStart);
  const H = model.horizonDays;
  const day = (s: string) => differenceInCalendarDays(parseISO(s), S);
  const recipes = new Map(model.recipes.map((r) => [r.outputSku, r]));
  const items = new Map(model.items.map((i) => [i.sku, i]));

  // delta[sku][d]: supply in, uses out.
  const delta = new Map<string, Decimal[]>();
  const row = (sku: string) => {
    let a = delta.get(sku);
    if (!a) delta.set(sku, (a = Array.from({ length: H }, () => new Decimal(0))));
    return a;
  };
  for (const inv of model.inventory) row(inv.sku)[0] = row(inv.sku)[0]!.plus(inv.onHand);
  for (const l of model.poLines) {
    if (l.status !== 'open') continue;
    const d = Math.max(0, day(l.promisedDate));
    if (d < H) row(l.sku)[d] = row(l.sku)[d]!.plus(l.qty);
  }
  const weekStarts = new Map<string, number>();
  for (const b of f.builds) {
    const r = recipes.get(b.sku);
    if (!r) {
      problems.push(`build of ${b.sku}, which has no recipe`);
      continue;
    }
    if (!Number.isInteger(b.quantity) || b.quantity <= 0) problems.push(`${b.sku} ${b.startDate}: ${b.quantity} is not a whole number of builds`);
    const d = day(b.startDate);
    if (d < 0 || d >= H) problems.push(`${b.sku} starts outside the horizon on ${b.startDate}`);
    if (day(b.availableDate) !== d + r.leadTimeDays) problems.push(`${b.sku} ${b.startDate}: available ${b.availableDate} is not start + lead time`);
    if (!new Decimal(b.outputQuantity).eq(new Decimal(r.outputQty).times(b.quantity))) problems.push(`${b.sku} ${b.startDate}: wrong output quantity`);
    const wk = `${b.sku}|${format(startOfISOWeek(parseISO(b.startDate)), 'yyyy-MM-dd')}`;
    weekStarts.set(wk, (weekStarts.get(wk) ?? 0) + b.quantity);
    if (d < 0 || d >= H) continue;
    for (const c of r.components) row(c.sku)[d] = row(c.sku)[d]!.minus(new Decimal(c.qtyPerBuild).times(b.quantity));
    const land = d + r.leadTimeDays;
    if (land < H) row(b.sku)[land] = row(b.sku)[land]!.plus(new Decimal(r.outputQty).times(b.quantity));
  }
  for (const [wk, n] of weekStarts) {
    const [sku] = wk.split('|');
    const lim = recipes.get(sku!)?.maxStartsPerWeek;
    if (lim !== null && lim !== undefined && n > lim) problems.push(`${wk}: ${n} starts exceed the weekly limit ${lim}`);
  }
  for (const [sku, a] of delta) {
    let s = new Decimal(0);
    for (let d = 0; d < H; d++) {
      s = s.plus(a[d]!);
      if (s.isNegative()) {
        problems.push(`${sku} goes below zero on day ${d}`);
        break;
      }
    }
  }

  // GPUs online and GPU-days from the schedule.
  let gpuDays = new Decimal(0);
  for (let d = 0; d < H; d++) {
    let online = new Decimal(0);
    for (const [sku, it] of items) {
      if (it.gpusOnlinePerUnit <= 0) continue;
      const a = delta.get(sku);
      if (!a) continue;
      let units = new Decimal(0);
      for (let k = 0; k <= d; k++) units = units.plus(a[k]!);
      online = online.plus(units.times(it.gpusOnlinePerUnit));
    }
    gpuDays = gpuDays.plus(online);
    const point = f.series[d];
    if (!point || point.date !== format(addDays(S, d), 'yyyy-MM-dd')) problems.push(`series day ${d} missing or misdated`);
    else if (!online.eq(new Decimal(point.gpusOnline))) problems.push(`series day ${d}: ${point.gpusOnline} GPUs online, schedule gives ${online}`);
  }
  if (f.series.length !== H) problems.push(`series has ${f.series.length} days, not ${H}`);
  if (!gpuDays.eq(new Decimal(f.gpuDaysExact))) problems.push(`gpuDays ${f.gpuDaysExact} but the schedule gives ${gpuDays}`);
  return problems;
}
