/**
 * The header the server stamps on every request with the TCP peer's address
 * (lib/auth/peer-address.ts, installed at start). Whatever a client sends under
 * this name is overwritten, so only the server ever sets it.
 */
export const PEER_ADDRESS_HEADER = 'x-clearbuild-peer-address';

/** CLEARBUILD_TRUSTED_PROXIES: the proxies (comma-separated addresses) whose X-Forwarded-For is believed. */
export function trustedProxies(env: Record<string, string | undefined> = process.env): Set<string> {
  return new Set((env.CLEARBUILD_TRUSTED_PROXIES ?? '').split(',').map(normalise).filter((a) => a !== ''));
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
function normalise(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

/**
 * Who sent a request: the socket's peer, unless that peer is a trusted proxy, in
 * which case the last address in X-Forwarded-For that is not itself a trusted
 * proxy (each proxy appends the address it saw; anything to the left of the
 * proxies' own entries was written by the client and proves nothing). Null when
 * the peer is unknown (no stamp): the caller must not pool such requests together.
 */
export function clientAddress(headers: Headers, proxies: Set<string> = trustedProxies()): string | null {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (!peer) return null;
  let address = normalise(peer);
  if (!proxies.has(address)) return address.slice(0, 64);
  const forwarded = (headers.get('x-forwarded-for') ?? '').split(',').map(normalise).filter((a) => a !== '');
  while (forwarded.length > 0) {
    address = forwarded.pop()!;
    if (!proxies.has(address)) return address.slice(0, 64);
  }
  return address.slice(0, 64);
}
