import { describe, expect, it } from 'vitest';
import { clientAddress, PEER_ADDRESS_HEADER, trustedProxies } from './client-address';

const h = (headers: Record<string, string>) => new Headers(headers);

describe('clientAddress', () => {
  it('is the socket peer, whatever X-Forwarded-For a client writes', () => {
    expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: '203.0.113.7', 'x-forwarded-for': '10.9.9.9' }), new Set())).toBe('203.0.113.7');
    expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: '::ffff:127.0.0.1', 'x-forwarded-for': '1.2.3.4' }), new Set())).toBe('127.0.0.1');
  });

  it('believes X-Forwarded-For only from a trusted proxy, taking the last address the proxies did not write', () => {
    const proxies = trustedProxies({ CLEARBUILD_TRUSTED_PROXIES: '10.0.0.2, 10.0.0.3' });
    // The client forged "6.6.6.6"; the first proxy saw 198.51.100.4 and appended it, the second appended the first proxy.
    expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: '10.0.0.3', 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.0.0.2' }), proxies)).toBe('198.51.100.4');
    expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: '10.0.0.2' }), proxies)).toBe('10.0.0.2');
  });

  it('is unknown (null) without the server stamp, never a bucket shared by strangers', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '1.2.3.4' }), new Set())).toBeNull();
  });
});
