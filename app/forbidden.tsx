import Link from 'next/link';
import { headers } from 'next/headers';
import { AppShell } from '@/components/layout/app-shell';
import { sessionPrincipal } from '@/lib/auth/session';

// Rendered with HTTP 403 when forbidden() refuses a signed-in person's role
// (lib/auth/guard.ts). The workspace layout is what refused, so it cannot frame
// this page: the same shell is drawn here, with the pages this role may open.
export default async function Forbidden() {
  const me = await sessionPrincipal(await headers());
  const message = (
    <>
      <h1>Not allowed</h1>
      <p className="muted">This page could not be accessed. Your role does not include it; an admin can change your role.</p>
      <Link href="/dashboard">Go to the dashboard</Link>
    </>
  );
  if (!me) return <div className="landing">{message}</div>;
  return <AppShell me={me}>{message}</AppShell>;
}
