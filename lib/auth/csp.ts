// The Content-Security-Policy of every page, built per request around a fresh
// nonce (proxy.ts). Next reads the nonce back from the request's CSP header and
// puts it on its own scripts; 'strict-dynamic' lets those load their chunks. So
// no inline script runs without the nonce, and nothing runs from elsewhere.
// Pure: no next/* import, so it is unit tested alone.

/** 16 random bytes, base64: unguessable and different on every request. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function pageContentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    // React needs eval in development only (rebuilding server error stacks in the browser).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Styles stay 'unsafe-inline' (and so carry no nonce, which would disable it):
    // Recharts and a few components set style attributes, which a nonce cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The nonce in a CSP built by pageContentSecurityPolicy (a page's own inline script carries it); null if none. */
export function nonceOf(csp: string | null): string | null {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? '')?.[1] ?? null;
}
