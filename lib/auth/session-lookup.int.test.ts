import { serializeSignedCookie } from 'better-call';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { lookUpSession, type SessionCookieConfig } from './session-lookup';

const CONFIG: SessionCookieConfig = { cookieName: 'better-auth.session_token', secret: 'a-test-secret-of-some-length-0123456789', expiresIn: 12 * 3600, updateAge: 3600 };

/** The Cookie header a browser sends back after better-auth (through better-call) set the signed session cookie. */
async function cookieHeader(token: string, secret = CONFIG.secret, name = CONFIG.cookieName): Promise<Headers> {
  const setCookie = await serializeSignedCookie(name, token, secret);
  return new Headers({ cookie: `theme=dark; ${setCookie.split(';')[0]}` });
}

for (const kind of testDatabaseKinds()) {
  describe(`a session read in one statement on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    const now = Date.now();
    beforeAll(async () => {
      env = await kind.create();
      await env.db.prisma.user.create({ data: { id: 'u-lookup', name: 'Lou Kup', email: 'lou@example.test', role: 'procurement' } });
      const session = (token: string, expiresAt: number) => ({ id: `s-${token}`, token, userId: 'u-lookup', expiresAt: new Date(expiresAt) });
      await env.db.prisma.session.createMany({
        data: [
          // Signed in ten minutes ago: live, not yet due for its hourly refresh.
          session('live', now + CONFIG.expiresIn * 1000 - 600_000),
          session('revoked', now + CONFIG.expiresIn * 1000 - 600_000),
          // Signed in two hours ago: better-auth slides its expiry on (a write), so it is better-auth's to read.
          session('due', now + CONFIG.expiresIn * 1000 - 7_200_000),
          session('expired', now - 1000),
        ],
      });
    });
    afterAll(async () => env?.dispose());

    it('a live session gives its person and the role stored now; a role change shows on the very next request', async () => {
      const headers = await cookieHeader('live');
      expect(await lookUpSession(env.db.reader, CONFIG, headers, now)).toEqual({ kind: 'user', userId: 'u-lookup', email: 'lou@example.test', name: 'Lou Kup', role: 'procurement' });
      await env.db.prisma.user.update({ where: { id: 'u-lookup' }, data: { role: 'executive' } });
      expect(await lookUpSession(env.db.reader, CONFIG, headers, now)).toMatchObject({ role: 'executive' });
      await env.db.prisma.user.update({ where: { id: 'u-lookup' }, data: { role: 'procurement' } });
    });

    it('a revoked session stops at once', async () => {
      const headers = await cookieHeader('revoked');
      expect(await lookUpSession(env.db.reader, CONFIG, headers, now)).not.toBeNull();
      await env.db.prisma.session.delete({ where: { token: 'revoked' } });
      expect(await lookUpSession(env.db.reader, CONFIG, headers, now)).toBeNull();
    });

    it('an expired session, one due for its refresh, an unknown token or a forged signature are left to better-auth', async () => {
      expect(await lookUpSession(env.db.reader, CONFIG, await cookieHeader('expired'), now)).toBeNull();
      expect(await lookUpSession(env.db.reader, CONFIG, await cookieHeader('due'), now)).toBeNull();
      expect(await lookUpSession(env.db.reader, CONFIG, await cookieHeader('no-such-token'), now)).toBeNull();
      expect(await lookUpSession(env.db.reader, CONFIG, await cookieHeader('live', 'not-the-secret-0123456789abcdef'), now)).toBeNull();
      expect(await lookUpSession(env.db.reader, CONFIG, await cookieHeader('live', CONFIG.secret, 'other.session_token'), now)).toBeNull();
      expect(await lookUpSession(env.db.reader, CONFIG, new Headers(), now)).toBeNull();
    });
  });
}
