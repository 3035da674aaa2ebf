import { createHash } from 'node:crypto';
import type { CapacityModel, Forecast, ForecastOptions } from '@/lib/capacity';
import { ENGINE_REVISION } from '@/lib/capacity/revision';
import { startForecast, type EnginePriority, type EngineTicket } from '@/lib/engine/pool';
import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * Where forecasts are remembered. The engine is a pure function of its model and
 * options, so a forecast is stored under a hash of them: any data change (an edit,
 * an import, another plan start) changes the hash, so nothing stale is ever served.
 *
 * - The database (table ForecastResult) is the cache every app server shares: what
 *   one server computed, the others read instead of computing it again.
 * - `locals` is the process's shared state on the one open-database handle
 *   (lib/db/open.ts), never module state: Next.js may hold several copies of this
 *   module in one process. It keeps the computations in flight (identical requests
 *   share one) and the last few documents parsed (content-addressed, so a second
 *   copy or a second server could only ever hold the same answer).
 */
export interface ForecastCacheHost {
  prisma: PrismaClient;
  locals: Map<string, unknown>;
}

const MEMO_ENTRIES = 4;
const STORED_ENTRIES = 32;
// A document this big (the large model's pegging) is kept in memory only: storing it costs more than it saves.
const MAX_STORED_CHARS = 8 * 1024 * 1024;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A hash of the model and its scenario (the adjustments are part of the model): the forecast's `inputVersion`. */
export function inputVersionOf(model: CapacityModel): string {
  return sha256(JSON.stringify(model));
}

/**
 * The cache key: the input version, then a hash of the options (tier, pegging…) it was computed with. A caller
 * that knows the model's input version already passes it: hashing the whole model again is the costly part.
 */
export function forecastKey(model: CapacityModel, options: ForecastOptions, inputVersion = inputVersionOf(model)): string {
  return forecastKeyOfVersion(inputVersion, options);
}

/**
 * The cache key of a model already hashed (its input version) with other options, by this engine
 * (ENGINE_REVISION): what another engine stored under the same input is never read back as this one's.
 */
export function forecastKeyOfVersion(inputVersion: string, options: ForecastOptions, engine: string = ENGINE_REVISION): string {
  return `${inputVersion}.${sha256(JSON.stringify({ engine, options })).slice(0, 16)}`;
}

/** The input version a cache key starts with. */
export function inputVersionOfKey(key: string): string {
  return key.split('.')[0]!;
}

/** Every document the data layer serves says which input it was computed from (first, for readers of the JSON). */
function versioned(forecast: Forecast, key: string): Forecast {
  return { inputVersion: inputVersionOfKey(key), ...forecast };
}

/** Process state `name` on the database handle's locals, made on first use. */
export function local<T>(host: Pick<ForecastCacheHost, 'locals'>, name: string, make: () => T): T {
  let v = host.locals.get(name) as T | undefined;
  if (v === undefined) host.locals.set(name, (v = make()));
  return v;
}

/** Puts `key` in a memo as its most recently used entry, forgetting the least recently used past `max`. */
export function rememberRecent<K, V>(memo: Map<K, V>, key: K, value: V, max: number): void {
  memo.delete(key);
  memo.set(key, value); // most recently used last
  while (memo.size > max) memo.delete(memo.keys().next().value!);
}
/** A computation's engine job: at what priority it runs, and its ticket once started. */
interface EngineJobState {
  priority: EnginePriority;
  ticket: EngineTicket | null;
}
/** A computation in flight: its answer and its engine job. */
interface InFlight {
  forecast: Promise<Forecast>;
  job: EngineJobState;
}
const inFlight = (host: ForecastCacheHost) => local(host, 'forecast:in-flight', () => new Map<string, InFlight>());
/** A forecast and when it was computed. */
export interface StoredForecast {
  forecast: Forecast;
  computedAt: Date;
}
const memo = (host: ForecastCacheHost) => local(host, 'forecast:memo', () => new Map<string, StoredForecast>());

function remember(host: ForecastCacheHost, key: string, entry: StoredForecast) {
  rememberRecent(memo(host), key, entry, MEMO_ENTRIES);
}

/** A forecast already computed for this key, by this process or any other on the database; null if none. */
export async function storedForecast(host: ForecastCacheHost, key: string): Promise<StoredForecast | null> {
  const hit = memo(host).get(key);
  if (hit) {
    remember(host, key, hit);
    return hit;
  }
  const [row] = await host.prisma.$queryRawUnsafe<{ document: string; computedAt: Date }[]>(
    `SELECT document, "computedAt" FROM "ForecastResult" WHERE key = $1`,
    key,
  );
  if (!row) return null;
  const entry = { forecast: JSON.parse(row.document) as Forecast, computedAt: new Date(row.computedAt) };
  remember(host, key, entry);
  return entry;
}

/** Whether this process is computing the forecast for `key` right now. */
export function isComputing(host: ForecastCacheHost, key: string): boolean {
  return inFlight(host).has(key);
}

async function store(host: ForecastCacheHost, key: string, forecast: Forecast): Promise<void> {
  const document = JSON.stringify(forecast);
  if (document.length > MAX_STORED_CHARS) return;
  await host.prisma.$executeRawUnsafe(
    `INSERT INTO "ForecastResult" (key, document, "computeMs") VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`,
    key,
    document,
    Math.round(forecast.stats.millis.total),
  );
  await host.prisma.$executeRawUnsafe(
    `DELETE FROM "ForecastResult" WHERE key NOT IN (SELECT key FROM "ForecastResult" ORDER BY "computedAt" DESC LIMIT ${STORED_ENTRIES})`,
  );
}

/** Who waits by default: a person, except for PO-line values (many re-runs, shown when ready). */
const defaultPriority = (options: ForecastOptions): EnginePriority => (options.lineValues ? 'background' : 'interactive');

/**
 * The forecast of `model`: remembered, stored by another server, or computed now
 * (once per process however many ask at the same time) and stored for everyone.
 * `priority` says whether a person waits for it (lib/engine/pool.ts): a background
 * computation that an interactive request joins is promoted to interactive.
 */
export async function cachedForecast(
  host: ForecastCacheHost,
  model: CapacityModel,
  options: ForecastOptions = {},
  key = forecastKey(model, options),
  priority: EnginePriority = defaultPriority(options),
  /**
   * 'answer-first': resolve with the forecast as soon as it is computed, storing it for the other servers
   * meanwhile (a what-if a person waits for; this process remembers it at once). Default: after it is stored.
   */
  order: 'stored-first' | 'answer-first' = 'stored-first',
): Promise<Forecast> {
  // The benchmark measures the uncached path end to end.
  if (process.env.CLEARBUILD_FORECAST_CACHE === 'off') return versioned(await startForecast(host.locals, model, options, priority).result, key);
  const remembered = memo(host).get(key);
  if (remembered) {
    remember(host, key, remembered);
    return remembered.forecast;
  }
  const pending = inFlight(host).get(key);
  if (pending) {
    if (priority === 'interactive' && pending.job.priority === 'background') {
      pending.job.priority = 'interactive';
      pending.job.ticket?.promote();
    }
    return pending.forecast;
  }
  const job: EngineJobState = { priority, ticket: null };
  let answer: (f: Forecast) => void = () => undefined;
  const answered = new Promise<Forecast>((resolve) => (answer = resolve));
  const forecast = (async () => {
    try {
      const stored = await storedForecast(host, key);
      if (stored) return stored.forecast;
      // The app server's engine runs in worker threads (lib/engine); the CLI's in its own thread.
      // The priority as it is now: an interactive request may have joined while the store was read.
      job.ticket = startForecast(host.locals, model, options, job.priority);
      const computed = versioned(await job.ticket.result, key);
      remember(host, key, { forecast: computed, computedAt: new Date() });
      answer(computed);
      // A store that fails (a busy database) costs a recomputation later, never this answer.
      await store(host, key, computed).catch((err: unknown) => console.error('ClearBuild: could not store a forecast:', err));
      return computed;
    } finally {
      inFlight(host).delete(key);
    }
  })();
  // Registered before the first await inside: every identical request from here on joins this one.
  inFlight(host).set(key, { forecast, job });
  // A failure (or a stored answer) reaches both; a computed one reaches an 'answer-first' caller before the store.
  return order === 'answer-first' ? Promise.race([answered, forecast]) : forecast;
}
