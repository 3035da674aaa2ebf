import type { NextRequest } from 'next/server';
import { getPrisma } from '@/lib/db/client';
import { getAuth } from '@/lib/auth/auth';
import { recordSessionEvent } from '@/lib/auth/auth-audit';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { clientAddress } from '@/lib/auth/client-address';
import { rateLimits } from '@/lib/auth/rate-limit';
import { readTextWithLimit } from '@/lib/auth/upload';
import { sessionPrincipal } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

// Only what ClearBuild uses of better-auth is reachable: no self sign-up, no
// profile or email changes through its generic endpoints.
const OPEN_PATHS = new Set(['/api/auth/sign-in/email', '/api/auth/sign-out', '/api/auth/get-session']);
const MAX_AUTH_BODY = 4_096;

/**
 * The body read through the one capped reader, and a copy of the request carrying
 * it for better-auth: nothing past the cap is ever read (a clone would buffer all
 * of it), and better-auth never reads the client's stream itself.
 */
async function cappedRequest(request: NextRequest): Promise<{ text: string; forward: Request } | Response> {
  const text = await readTextWithLimit(request, MAX_AUTH_BODY);
  if (text === null) return jsonError(413, 'Request too large.');
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return { text, forward: new Request(request.url, { method: request.method, headers, body: text.length > 0 ? text : undefined }) };
}


async function signIn(request: NextRequest): Promise<Response> {
  const read = await cappedRequest(request);
  if (read instanceof Response) return read;
  const { text, forward } = read;
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, 'Send JSON: { "email": "…", "password": "…" }.');
  }
  const rawEmail = (body as { email?: unknown } | null)?.email;
  const email = typeof rawEmail === 'string' ? rawEmail.trim().toLowerCase() : '';
  const address = clientAddress(request.headers);
  const prisma = await getPrisma();

  // Guessing one person's password is stopped by counting failures per email;
  // spraying many accounts from one place by counting every attempt per address.
  const limits = rateLimits(prisma);
  const byEmail = await limits.signInFailures.blocked(`email:${email}`);
  // An unknown address (no server stamp) is no bucket: strangers must never share one and lock each other out.
  const byAddress = address ? await limits.signInByAddress.hit(`address:${address}`) : { allowed: true, retryAfterSeconds: 0 };
  if (byEmail.blocked || !byAddress.allowed) {
    await recordSessionEvent(prisma, { email, action: 'sign-in-rate-limited', address });
    const response = jsonError(429, 'Too many sign-in attempts. Try again shortly.');
    response.headers.set('Retry-After', String(Math.max(byEmail.retryAfterSeconds, byAddress.retryAfterSeconds)));
    return response;
  }
  const response = await (await getAuth()).handler(forward);
  if (!response.ok) await limits.signInFailures.hit(`email:${email}`);
  await recordSessionEvent(prisma, { email, action: response.ok ? 'sign-in' : 'sign-in-failed', address });
  return response;
}

async function signOut(request: NextRequest): Promise<Response> {
  const read = await cappedRequest(request);
  if (read instanceof Response) return read;
  const principal = await sessionPrincipal(request.headers);
  const response = await (await getAuth()).handler(read.forward);
  if (principal && response.ok) {
    await recordSessionEvent(await getPrisma(), { email: principal.email, action: 'sign-out', address: clientAddress(request.headers) });
  }
  return response;
}

export const POST = withAuth('POST /api/auth/[...all]', async (request) => {
  const path = request.nextUrl.pathname;
  if (!OPEN_PATHS.has(path)) return jsonError(404, 'Not found.');
  if (path === '/api/auth/sign-in/email') return signIn(request);
  if (path === '/api/auth/sign-out') return signOut(request);
  const read = await cappedRequest(request);
  if (read instanceof Response) return read;
  return (await getAuth()).handler(read.forward);
});

export const GET = withAuth('GET /api/auth/[...all]', async (request) => {
  if (!OPEN_PATHS.has(request.nextUrl.pathname)) return jsonError(404, 'Not found.');
  return (await getAuth()).handler(request);
});
