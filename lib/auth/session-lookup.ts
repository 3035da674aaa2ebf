import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SqlReader } from '@/lib/db/reader';
import type { Principal } from './principal';
import { isRole } from './roles';

// The common case of reading a session, done in one statement: the signed session cookie,
// then the session row and its user in one round trip on the database's reader. better-auth's
// getSession reads the session and then the user (two round trips through Prisma's query
// engine, plus its endpoint machinery) on every request. The session still lives in the
// database and is read on every request, so revoking it (sign-out, a role change) takes effect
// at once. Anything but a clean hit (no cookie, a bad signature, no row, expired, due for its
// sliding refresh, an unknown role) is left to better-auth, which deletes, refreshes or refuses.

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

export interface SessionCookieConfig {
  /** better-auth's session cookie name (with its `__Secure-` prefix on https). */
  cookieName: string;
  /** The secret better-auth signs the cookie with. */
  secret: string;
  /** Seconds a session lasts, and how old it may get before a request slides its expiry on. */
  expiresIn: number;
  updateAge: number;
}

/** The first cookie of that name in a Cookie header, percent-decoded (better-call reads the first too). */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** The token of a cookie better-auth signed (`token.base64(HMAC-SHA256(secret, token))`), or null. */
export function verifiedToken(cookieValue: string, secret: string): string | null {
  const dot = cookieValue.lastIndexOf('.');
  if (dot < 1) return null;
  const token = cookieValue.slice(0, dot);
  const signature = cookieValue.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  const given = Buffer.from(signature, 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

interface SessionRow {
  expiresAtMs: number;
  userId: string;
  email: string;
  name: string;
  role: string;
}

// expiresAt is a timestamp without time zone holding UTC (Prisma's DateTime): its epoch, not a
// driver-parsed Date, so the process's time zone cannot shift it.
const SESSION_SQL = `SELECT (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresAtMs",
    u."id" AS "userId", u."email", u."name", u."role"::text AS "role"
  FROM "session" s JOIN "user" u ON u."id" = s."userId"
  WHERE s."token" = $1`;

/**
 * The signed-in person, when the request's session cookie names a live session that needs
 * no refresh; `null` when better-auth must decide (see above).
 */
export async function lookUpSession(reader: SqlReader, config: SessionCookieConfig, headers: Headers, now = Date.now()): Promise<UserPrincipal | null> {
  const cookie = readCookie(headers.get('cookie'), config.cookieName);
  if (!cookie) return null;
  const token = verifiedToken(cookie, config.secret);
  if (!token) return null;
  const [row] = await reader.query<SessionRow>(SESSION_SQL, [token]);
  if (!row || !isRole(row.role)) return null;
  if (row.expiresAtMs < now) return null;
  // better-auth slides the expiry once the session is updateAge old: that write stays its own.
  if (row.expiresAtMs - config.expiresIn * 1000 + config.updateAge * 1000 <= now) return null;
  return { kind: 'user', userId: row.userId, email: row.email, name: row.name, role: row.role };
}
