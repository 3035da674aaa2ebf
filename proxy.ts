import { NextResponse, type NextRequest } from 'next/server';

// Tells the workspace layout which page was asked for, so signing in leads back
// to it. Not a guard: the layout and every page check the session themselves.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-clearbuild-path', `${request.nextUrl.pathname}${request.nextUrl.search}`.slice(0, 512));
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|icon.svg|favicon.ico).*)'],
};
