import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows up to the limit in a window, then refuses with the seconds left until the window ends', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.hit('a').allowed)).toEqual([true, true, true]);
    now = 15_000;
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.blocked('a')).toEqual({ blocked: true, retryAfterSeconds: 45 });
    expect(limiter.hit('b').allowed).toBe(true);
    now = 60_000;
    expect(limiter.blocked('a').blocked).toBe(false);
    expect(limiter.hit('a').allowed).toBe(true);
  });

  it('checking whether a key is blocked never counts as an attempt', () => {
    const limiter = new RateLimiter(1, 60_000, () => 0);
    for (let i = 0; i < 5; i++) expect(limiter.blocked('k').blocked).toBe(false);
    limiter.hit('k');
    expect(limiter.blocked('k').blocked).toBe(true);
  });
});
