import 'server-only';
import { getDatabase } from '@/lib/db/client';
import { getAuth } from './auth';
import { isRole } from './roles';
import { lookUpSession, type SessionCookieConfig, type UserPrincipal } from './session-lookup';

export type { UserPrincipal };

async function cookieConfig(): Promise<SessionCookieConfig> {
  const ctx = await (await getAuth()).$context;
  return { cookieName: ctx.authCookies.sessionToken.name, secret: ctx.secret, expiresIn: ctx.sessionConfig.expiresIn, updateAge: ctx.sessionConfig.updateAge };
}

/** The signed-in person behind these request headers (session cookie), or null. */
export async function sessionPrincipal(headers: Headers): Promise<UserPrincipal | null> {
  // A live session in one round trip (lib/auth/session-lookup.ts); anything else through better-auth.
  const [db, config] = await Promise.all([getDatabase(), cookieConfig()]);
  const hit = await lookUpSession(db.reader, config, headers);
  if (hit) return hit;
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const role = (session.user as { role?: unknown }).role;
  if (!isRole(role)) return null;
  return { kind: 'user', userId: session.user.id, email: session.user.email, name: session.user.name, role };
}
