import { describe, expect, it } from 'vitest';
import { createNonce, nonceOf, pageContentSecurityPolicy } from './csp';

function directive(csp: string, name: string): string {
  return csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
}

describe('the page Content-Security-Policy', () => {
  it('gives its nonce back to the page (for the page’s own inline script), and none from anything else', () => {
    expect(nonceOf(pageContentSecurityPolicy('Ab+/9x=='))).toBe('Ab+/9x==');
    expect(nonceOf("script-src 'self'")).toBeNull();
    expect(nonceOf(null)).toBeNull();
  });

  it('allows scripts only by nonce (and what they load), never inline or eval, in production', () => {
    const csp = pageContentSecurityPolicy('abc123==');
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
  });

  it('adds eval for scripts in development only, and never inline scripts', () => {
    const scripts = directive(pageContentSecurityPolicy('n', { dev: true }), 'script-src');
    expect(scripts).toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
  });

  it('is never framed, loads no plugins, and pins the base URI and form targets', () => {
    const csp = pageContentSecurityPolicy('n');
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'self'");
    expect(directive(csp, 'form-action')).toBe("form-action 'self'");
  });

  it('keeps inline styles allowed without a style nonce (a nonce would switch unsafe-inline off)', () => {
    expect(directive(pageContentSecurityPolicy('n'), 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
  });
});

describe('createNonce', () => {
  it('gives 16 random bytes in base64, different each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });
});
