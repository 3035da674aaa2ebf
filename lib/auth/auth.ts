import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { resolveDatabaseTarget } from '@/lib/db/config';
import { getPrisma } from '@/lib/db/client';
import { hashPassword, verifyPassword } from './password';
import { ROLES } from './roles';
import { resolveAuthSecret } from './secret';
import { sessionLifetime } from './session-lifetime';

function createAuth(prisma: Awaited<ReturnType<typeof getPrisma>>) {
  const { expiresIn, updateAge } = sessionLifetime();
  const baseURL = process.env.BETTER_AUTH_URL?.trim() || undefined;
  return betterAuth({
    appName: 'ClearBuild',
    secret: resolveAuthSecret(resolveDatabaseTarget()),
    baseURL,
    database: prismaAdapter(prisma, { provider: 'postgresql' }),
    emailAndPassword: {
      enabled: true,
      // Admins create accounts (app/(app)/admin/users); nobody signs themselves up.
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        // input: false — no request body can set or change a role; only admins, through the guard.
        role: { type: [...ROLES], required: false, defaultValue: 'executive', input: false },
      },
    },
    session: { expiresIn, updateAge },
    // Our own limiter (lib/auth/rate-limit.ts) guards sign-in in the route handler.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // Secure (HTTPS-only) cookies when the site's public address is https; plain
    // http (loopback, a LAN demo) would otherwise never keep anyone signed in.
    advanced: { useSecureCookies: baseURL?.startsWith('https://') ?? false },
    // Sign-in and sign-out must come from a page of this very site (CSRF): like
    // Next's server-action check, the Origin must match the Host the request was
    // sent to (or BETTER_AUTH_URL when set). Browsers cannot forge either cross-site.
    trustedOrigins: async (request) => {
      if (!request) return [];
      const protocol = new URL(request.url).protocol;
      const hosts = [request.headers.get('x-forwarded-host'), request.headers.get('host')].filter((h): h is string => !!h);
      return hosts.map((h) => `${protocol}//${h.split(',')[0]!.trim()}`);
    },
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { clearbuildAuth?: Promise<Auth> };

/** The server's better-auth instance, built once the database is open. */
export function getAuth(): Promise<Auth> {
  globalForAuth.clearbuildAuth ??= getPrisma()
    .then(createAuth)
    .catch((err: unknown) => {
      globalForAuth.clearbuildAuth = undefined;
      throw err;
    });
  return globalForAuth.clearbuildAuth;
}
