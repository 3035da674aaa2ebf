/**
 * mulberry32: a tiny seeded PRNG. The demo seeds it with a constant, so the
 * quantities are the same for every anchor and only the dates move.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Formats a quantity for a CSV cell: integers bare, decimals without float noise ("12.5"). */
export function formatQty(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite quantity: ${x}`);
  const rounded = Math.round(x * 1000) / 1000;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
