/**
 * A problem with the database setup that a person must fix (unreachable server,
 * unwritable or locked data folder). Entry points print `message` as one line and
 * exit non-zero instead of dumping a stack trace.
 */
export class DatabaseSetupError extends Error {
  override name = 'DatabaseSetupError';
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

/** True when `err` (or its cause chain) says the PostgreSQL server could not be reached or refused us. */
export function isConnectionFailure(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 6; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code === '3D000' || code === '28P01' || code === '28000')) {
      return true;
    }
    if (e instanceof AggregateError && e.errors.some(isConnectionFailure)) return true;
    // The Wasm schema engine reports it as text (Prisma error P1001), with no code.
    if (e instanceof Error && /Can't reach database server|P1001|database .* does not exist/i.test(e.message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** One line, whatever the driver put in the message: entry points print it as is. */
export function describeError(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return describeError(err.errors[0]);
  let text = String(err);
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    text = code ? `${err.message} (${String(code)})` : err.message;
  }
  const firstParagraph = text.split(/\n\s*\n/)[0] ?? text;
  return firstParagraph.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}
