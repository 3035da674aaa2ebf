// Which workspace page (a key of PAGES) a requested path belongs to, so the
// workspace layout can refuse a role before anything streams (a real 403), not
// only the page itself once the loading skeleton is already out (a 200).
import { PAGES, type PagePath } from './permissions';

// Longest first, so a nested page (/admin/users) wins over a parent that might one day be listed.
const PAGE_PATHS = (Object.keys(PAGES) as PagePath[]).sort((a, b) => b.length - a.length);

/** The page rule for `/admin/users`, `/admin/users/…` or `/admin/users?x=1`; null for paths with no rule. */
export function pageForPath(requested: string): PagePath | null {
  const pathname = requested.split(/[?#]/, 1)[0]!;
  return PAGE_PATHS.find((page) => pathname === page || pathname.startsWith(`${page}/`)) ?? null;
}
