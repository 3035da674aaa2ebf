/**
 * Whether a state-changing request comes from a page of this very site (CSRF).
 * Browsers send `Origin` on every POST, PATCH, PUT and DELETE; it must name the host
 * the request was sent to (or BETTER_AUTH_URL, behind a proxy). `SameSite=Lax`
 * cookies alone let same-site neighbours through (another port, a sibling
 * subdomain), so this is checked too. A request with neither `Origin` nor
 * `Sec-Fetch-Site` is not from a browser (curl, the CLI, scripts): it cannot carry
 * a victim's cookie by itself, and is let through to the session check.
 */
export function isSameOrigin(request: { url: string; headers: Headers }, publicUrl = process.env.BETTER_AUTH_URL?.trim()): boolean {
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  if (origin === null) return fetchSite === null || fetchSite === 'same-origin' || fetchSite === 'none';
  if (fetchSite !== null && fetchSite !== 'same-origin') return false;
  const protocol = new URL(request.url).protocol;
  const allowed = new Set<string>();
  for (const h of [request.headers.get('x-forwarded-host'), request.headers.get('host')]) {
    const host = h?.split(',')[0]?.trim();
    if (host) allowed.add(`${protocol}//${host}`.toLowerCase());
  }
  if (publicUrl) {
    try {
      allowed.add(new URL(publicUrl).origin.toLowerCase());
    } catch {
      // a malformed BETTER_AUTH_URL adds nothing
    }
  }
  return allowed.has(origin.toLowerCase());
}

export const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
