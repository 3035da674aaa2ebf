import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Role } from '@/lib/auth/roles';
import { AppNav } from './app-nav';
import { Logo } from './logo';
import { UserMenu } from './user-menu';

/** The signed-in workspace's frame: the sidebar (brand, this role's pages, who is signed in) and the page. */
export function AppShell({ me, children }: { me: { name: string; email: string; role: Role }; children: ReactNode }) {
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link href="/" className="brand">
          <Logo /> ClearBuild
        </Link>
        <AppNav role={me.role} />
        <UserMenu name={me.name} email={me.email} role={me.role} />
        <div className="foot">GPU capacity planning</div>
      </aside>
      <main className="content">{children}</main>
    </div>
  );
}
