'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { can, PAGES, type PagePath } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';

export const NAV_LINKS: readonly { href: PagePath; label: string }[] = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/items', label: 'Items' },
  { href: '/bom', label: 'Bill of materials' },
  { href: '/inventory', label: 'Inventory' },
  { href: '/purchase-orders', label: 'Purchase orders' },
  { href: '/suppliers', label: 'Suppliers' },
  { href: '/imports', label: 'Imports' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/tokens', label: 'API tokens' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** The workspace navigation, without the pages this role may not open (the server refuses them anyway). */
export function AppNav({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" style={{ display: 'contents' }}>
      {NAV_LINKS.filter((link) => can(role, PAGES[link.href])).map((link) => (
        <Link
          key={link.href}
          href={link.href}
          className="nav"
          aria-current={pathname === link.href || pathname.startsWith(`${link.href}/`) ? 'page' : undefined}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
