import { describe, expect, it } from 'vitest';
import { pageForPath } from './page-for-path';
import { PAGES } from './permissions';

describe('pageForPath', () => {
  it('maps every workspace page to its own rule, with or without a query string', () => {
    for (const page of Object.keys(PAGES)) {
      expect(pageForPath(page)).toBe(page);
      expect(pageForPath(`${page}?sort=desc&next=/admin/users`)).toBe(page);
    }
  });

  it('maps a path below a page to that page, but not a sibling that merely shares a prefix', () => {
    expect(pageForPath('/admin/users/123')).toBe('/admin/users');
    expect(pageForPath('/admin/usersx')).toBeNull();
    expect(pageForPath('/dashboardx')).toBeNull();
  });

  it('finds no rule for paths outside the workspace pages', () => {
    for (const path of ['/', '/admin', '/sign-in', '/no-such-page', '']) expect(pageForPath(path)).toBeNull();
  });
});
