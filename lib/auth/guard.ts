import 'server-only';
// The one gate every page, server action and route handler passes before any
// query: who is calling (session cookie or supplier API token), and whether the
// rule for this entry point in lib/auth/permissions.ts lets them. The UI hides
// what a role cannot do; this is what actually refuses it.
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { NextResponse, type NextRequest } from 'next/server';
import { getPrisma } from '@/lib/db/client';
import { bearerToken, recordTokenUse, resolveApiToken } from './api-tokens';
import { pageForPath } from './page-for-path';
import { isSameOrigin, STATE_CHANGING_METHODS } from './same-origin';
import { can, ENDPOINTS, PAGES, type Capability, type EndpointId, type PagePath } from './permissions';
import type { Principal } from './principal';
import { sessionPrincipal, type UserPrincipal } from './session';

function allows(capability: Capability | 'public', principal: Principal | null, supplierToken: boolean): boolean {
  if (capability === 'public') return true;
  if (!principal) return false;
  if (principal.kind === 'token') return supplierToken;
  return can(principal.role, capability);
}

// ---- Pages -------------------------------------------------------------------

/** The signed-in person, or a redirect to the sign-in page. */
export async function requireSignedIn(next = '/dashboard'): Promise<UserPrincipal> {
  const principal = await sessionPrincipal(await headers());
  if (!principal) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  return principal;
}

/**
 * For the workspace layout, given the path that was asked for: signed out →
 * sign-in page; signed in without that page's capability → 403. The layout
 * renders before the loading skeleton streams, so this refusal is an HTTP 403;
 * the page's own requireRole() stays the guard (client navigations skip the layout).
 */
export async function requireSignedInFor(requested: string): Promise<UserPrincipal> {
  const principal = await requireSignedIn(requested);
  const page = pageForPath(requested);
  if (page && !can(principal.role, PAGES[page])) forbidden();
  return principal;
}

/** For a page: signed out → sign-in page; signed in without the page's capability → 403. */
export async function requireRole(page: PagePath): Promise<UserPrincipal> {
  const principal = await requireSignedIn(page);
  if (!can(principal.role, PAGES[page])) forbidden();
  return principal;
}

// ---- Server actions ------------------------------------------------------------

export interface ActionDenied {
  ok: false;
  status: 401 | 403;
  message: string;
}

type ActionEndpointId = { [K in EndpointId]: (typeof ENDPOINTS)[K]['type'] extends 'action' ? K : never }[EndpointId];

/** Wraps a server action: it runs only for a signed-in person whose role the action's rule allows. */
export function authorizedAction<A extends unknown[], R>(
  id: ActionEndpointId,
  action: (principal: UserPrincipal, ...args: A) => Promise<R>,
): (...args: A) => Promise<R | ActionDenied> {
  return async (...args: A) => {
    const principal = await sessionPrincipal(await headers());
    if (!principal) return { ok: false, status: 401, message: 'Sign in first.' };
    if (!allows(ENDPOINTS[id].capability, principal, false)) {
      return { ok: false, status: 403, message: 'Your role does not allow this.' };
    }
    return action(principal, ...args);
  };
}

// ---- Route handlers ------------------------------------------------------------

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): NextResponse {
  return NextResponse.json({ error, ...extra }, { status });
}

type RouteEndpointId = Exclude<EndpointId, ActionEndpointId>;

/**
 * Wraps a route handler: resolves the caller, applies the endpoint's rule (401
 * signed out or bad token, 403 not allowed), records every token use, and turns
 * an unexpected failure into a 500 that reveals nothing.
 */
export function withAuth<C>(
  id: RouteEndpointId,
  handler: (request: NextRequest, context: C, principal: Principal | null) => Promise<Response>,
): (request: NextRequest, context: C) => Promise<Response> {
  const rule = ENDPOINTS[id];
  return async (request, context) => {
    let principal: Principal | null = null;
    let response: Response;
    try {
      const token = bearerToken(request.headers.get('authorization'));
      // A browser's state-changing request must come from this site's own pages (CSRF), whatever its cookie.
      if (token === null && STATE_CHANGING_METHODS.has(request.method) && !isSameOrigin(request)) {
        return jsonError(403, 'Refused: this request came from another site.');
      }
      if (token !== null) {
        if (!rule.supplierToken) return jsonError(403, 'API tokens cannot call this endpoint.');
        principal = await resolveApiToken(await getPrisma(), token);
        if (!principal) return jsonError(401, 'Unknown, revoked or expired API token.');
      } else if (rule.capability !== 'public') {
        principal = await sessionPrincipal(request.headers);
        if (!principal) return jsonError(401, 'Sign in first.');
      }
      if (!allows(rule.capability, principal, rule.supplierToken)) return jsonError(403, 'Your role does not allow this.');
      response = await handler(request, context, principal);
    } catch (err) {
      console.error(`${id} failed`, err);
      response = jsonError(500, 'internal error');
    }
    if (principal?.kind === 'token') {
      const path = request.nextUrl.pathname.slice(0, 300);
      await recordTokenUse(await getPrisma(), principal, { method: request.method, path, status: response.status }).catch((err: unknown) =>
        console.error('recording API token use failed', err),
      );
    }
    return response;
  };
}
