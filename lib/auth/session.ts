import 'server-only';
import { getAuth } from './auth';
import type { Principal } from './principal';
import { isRole } from './roles';

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** The signed-in person behind these request headers (session cookie), or null. */
export async function sessionPrincipal(headers: Headers): Promise<UserPrincipal | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const role = (session.user as { role?: unknown }).role;
  if (!isRole(role)) return null;
  return { kind: 'user', userId: session.user.id, email: session.user.email, name: session.user.name, role };
}
