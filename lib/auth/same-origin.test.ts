import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './same-origin';

const req = (headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/imports/batches/1/revert') => ({ url, headers: new Headers(headers) });

describe('isSameOrigin', () => {
  it('lets a page of this site through', () => {
    expect(isSameOrigin(req({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }), undefined)).toBe(true);
  });

  it('refuses another site, a same-site neighbour on another port, and a sibling subdomain', () => {
    expect(isSameOrigin(req({ host: '127.0.0.1:3000', origin: 'http://evil.example' }), undefined)).toBe(false);
    expect(isSameOrigin(req({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001', 'sec-fetch-site': 'same-site' }), undefined)).toBe(false);
    expect(isSameOrigin(req({ host: 'app.example.com', origin: 'https://blog.example.com' }, 'https://app.example.com/api/x'), undefined)).toBe(false);
  });

  it('refuses a browser request that says it is cross-site even without an Origin', () => {
    expect(isSameOrigin(req({ host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }), undefined)).toBe(false);
  });

  it('lets a non-browser client (no Origin, no Sec-Fetch-Site) through to the session check', () => {
    expect(isSameOrigin(req({ host: '127.0.0.1:3000' }), undefined)).toBe(true);
  });

  it('accepts the public address behind a proxy', () => {
    expect(isSameOrigin(req({ host: '10.0.0.5:3000', origin: 'https://clearbuild.example.com' }, 'http://10.0.0.5:3000/api/x'), 'https://clearbuild.example.com')).toBe(true);
  });
});
