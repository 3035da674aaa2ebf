import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path on this site as it is', () => {
    expect(safeNextPath('/purchase-orders?page=2&q=PO-1')).toBe('/purchase-orders?page=2&q=PO-1');
  });

  it('refuses other sites, schemes and control characters, falling back to the dashboard', () => {
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'dashboard', '/a\nb', '/a\u007fb', 'x'.repeat(600), 42, undefined]) {
      expect(safeNextPath(bad)).toBe('/dashboard');
    }
  });

  it('percent-encodes what a Location header cannot carry, so the redirect is always valid', () => {
    const out = safeNextPath('/\u3000 é');
    expect(out).toBe('/%E3%80%80%20%C3%A9');
    expect(() => new Headers({ location: out })).not.toThrow();
    expect(safeNextPath('/\ud800')).toBe('/dashboard');
  });
});
