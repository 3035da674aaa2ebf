import { NextResponse, type NextRequest } from 'next/server';
import { createNonce, pageContentSecurityPolicy } from '@/lib/auth/csp';

// Every page request: a fresh CSP nonce, and the path that was asked for.
// - The CSP goes on the request too, because Next reads the nonce from there and
//   puts it on its scripts while rendering (app/layout.tsx keeps every page dynamic).
// - The path tells the workspace layout where signing in leads back to and which
//   page's rule to apply. Not a guard: the layout and every page check the session.
// The other security headers, and the CSP of API routes, are in next.config.js.
export function proxy(request: NextRequest) {
  const csp = pageContentSecurityPolicy(createNonce(), { dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  headers.set('x-clearbuild-path', `${request.nextUrl.pathname}${request.nextUrl.search}`.slice(0, 512));
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Everything but API routes (JSON, CSP from next.config.js) and static files.
  matcher: ['/((?!api/|api$|_next/static/|_next/image|icon\\.svg$|favicon\\.ico$).*)'],
};
