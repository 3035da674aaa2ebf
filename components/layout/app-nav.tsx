'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export const NAV_LINKS = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/items', label: 'Items' },
  { href: '/bom', label: 'Bill of materials' },
  { href: '/inventory', label: 'Inventory' },
  { href: '/purchase-orders', label: 'Purchase orders' },
  { href: '/imports', label: 'Imports' },
] as const;

export function AppNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" style={{ display: 'contents' }}>
      {NAV_LINKS.map((link) => (
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
