'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './bom-tabs.module.css';

const VIEWS = [
  { href: '/bom', label: 'Tree' },
  { href: '/bom/lines', label: 'Lines' },
] as const;

/**
 * The two views of the bill of materials: the tree per capacity item, and the flat grid of
 * BOM lines. Separate paths, not a query parameter: the grid writes its own state to the URL.
 */
export function BomTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Bill of materials views" className={styles.tabs}>
      {VIEWS.map((v) => (
        <Link key={v.href} href={v.href} className={styles.tab} aria-current={pathname === v.href ? 'page' : undefined}>
          {v.label}
        </Link>
      ))}
    </nav>
  );
}
