import Link from 'next/link';
import { connection } from 'next/server';
import { AppNav } from '@/components/layout/app-nav';
import { Logo } from '@/components/layout/logo';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Every workspace page reads live data: never prerender it at build time
  // (the build must not open, and lock, the embedded database).
  await connection();
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link href="/" className="brand">
          <Logo /> ClearBuild
        </Link>
        <AppNav />
        <div className="foot">GPU capacity planning</div>
      </aside>
      <main className="content">{children}</main>
    </div>
  );
}
