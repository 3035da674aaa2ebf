/**
 * A fixed-window counter per key, in this process's memory: enough for one server
 * (the embedded database allows one process anyway). `hit` counts an attempt and
 * says whether it is allowed and, when not, how many seconds until it is.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `key` has used up its window, without counting an attempt. */
  blocked(key: string): { blocked: boolean; retryAfterSeconds: number } {
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs || w.count < this.limit) return { blocked: false, retryAfterSeconds: 0 };
    return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000)) };
  }

  hit(key: string): { allowed: boolean; retryAfterSeconds: number } {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 10_000) this.sweep(t);
    }
    w.count += 1;
    if (w.count <= this.limit) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000)) };
  }

  private sweep(t: number) {
    for (const [key, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(key);
  }
}

function envLimit(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const globalLimits = globalThis as unknown as { clearbuildLimits?: { signInFailures: RateLimiter; signInByAddress: RateLimiter; tokenImports: RateLimiter } };

/** The server's limiters: failed sign-ins per email, sign-in attempts per address, imports per API token. */
export function rateLimits() {
  globalLimits.clearbuildLimits ??= {
    signInFailures: new RateLimiter(envLimit('CLEARBUILD_SIGNIN_FAILURES_PER_MINUTE', 10), 60_000),
    signInByAddress: new RateLimiter(envLimit('CLEARBUILD_SIGNIN_LIMIT_PER_ADDRESS_PER_MINUTE', 60), 60_000),
    tokenImports: new RateLimiter(envLimit('CLEARBUILD_TOKEN_IMPORT_LIMIT_PER_MINUTE', 30), 60_000),
  };
  return globalLimits.clearbuildLimits;
}
