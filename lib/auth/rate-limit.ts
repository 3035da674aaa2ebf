import type { PrismaClient } from '@/lib/generated/prisma/client';

/** What a counted attempt gets: allowed or not and, when not, how many seconds until it is. */
export interface RateLimitVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

type SqlRunner = Pick<PrismaClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

// Windows older than this are swept now and then; every limiter's window is shorter.
const SWEEP_AFTER_MS = 60 * 60_000;
const SWEEP_EVERY = 200;

/** UTC wall-clock text for the `timestamp(3)` column: no time zone ever enters the comparison. */
const sqlTime = (ms: number) => new Date(ms).toISOString().slice(0, 23);

/**
 * A fixed-window counter per key, kept in the database (table RateLimitWindow) so
 * that every app server behind a load balancer counts the same attempts: a limit
 * held in one process's memory would multiply by the number of servers. One
 * atomic upsert counts an attempt and reads the window it fell in.
 */
export class RateLimiter {
  private hits = 0;

  constructor(
    private readonly db: SqlRunner,
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `key` has used up its window, without counting an attempt. */
  async blocked(key: string): Promise<{ blocked: boolean; retryAfterSeconds: number }> {
    const t = this.now();
    const [w] = await this.db.$queryRawUnsafe<{ start: string; count: number }[]>(
      `SELECT to_char("windowStart", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS start, count FROM "RateLimitWindow" WHERE key = $1`,
      this.key(key),
    );
    const start = w ? Date.parse(`${w.start}Z`) : 0;
    if (!w || t - start >= this.windowMs || w.count < this.limit) return { blocked: false, retryAfterSeconds: 0 };
    return { blocked: true, retryAfterSeconds: this.secondsLeft(start, t) };
  }

  /** Counts an attempt by `key`. */
  async hit(key: string): Promise<RateLimitVerdict> {
    const t = this.now();
    // A window that has ended restarts at this attempt; otherwise the attempt is counted in it.
    const [w] = await this.db.$queryRawUnsafe<{ start: string; count: number }[]>(
      `INSERT INTO "RateLimitWindow" (key, "windowStart", count) VALUES ($1, $2::timestamp(3), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN "RateLimitWindow"."windowStart" <= $3::timestamp(3) THEN 1 ELSE "RateLimitWindow".count + 1 END,
         "windowStart" = CASE WHEN "RateLimitWindow"."windowStart" <= $3::timestamp(3) THEN EXCLUDED."windowStart" ELSE "RateLimitWindow"."windowStart" END
       RETURNING to_char("windowStart", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS start, count`,
      this.key(key),
      sqlTime(t),
      sqlTime(t - this.windowMs),
    );
    if (++this.hits % SWEEP_EVERY === 0) {
      await this.db.$executeRawUnsafe(`DELETE FROM "RateLimitWindow" WHERE "windowStart" < $1::timestamp(3)`, sqlTime(t - SWEEP_AFTER_MS));
    }
    if (w!.count <= this.limit) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: this.secondsLeft(Date.parse(`${w!.start}Z`), t) };
  }

  private key(key: string) {
    return `${this.name}:${key}`.slice(0, 500);
  }

  private secondsLeft(start: number, t: number) {
    return Math.max(1, Math.ceil((start + this.windowMs - t) / 1000));
  }
}

function envLimit(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The server's limiters: failed sign-ins per email, sign-in attempts per address, imports per API token, forecasts computed per person. */
export function rateLimits(db: SqlRunner) {
  return {
    // Only forecasts the engine must compute count: cached answers, and joining one in flight, are free.
    forecastComputations: new RateLimiter(db, 'forecast-computations', envLimit('CLEARBUILD_FORECAST_COMPUTE_LIMIT_PER_MINUTE', 10), 60_000),
    signInFailures: new RateLimiter(db, 'sign-in-failures', envLimit('CLEARBUILD_SIGNIN_FAILURES_PER_MINUTE', 10), 60_000),
    signInByAddress: new RateLimiter(db, 'sign-in-address', envLimit('CLEARBUILD_SIGNIN_LIMIT_PER_ADDRESS_PER_MINUTE', 60), 60_000),
    tokenImports: new RateLimiter(db, 'token-imports', envLimit('CLEARBUILD_TOKEN_IMPORT_LIMIT_PER_MINUTE', 30), 60_000),
  };
}
