import { headers } from 'next/headers';
import { connection } from 'next/server';
import { AppShell } from '@/components/layout/app-shell';
import { requireSignedInFor } from '@/lib/auth/guard';
import { safeNextPath } from '@/lib/auth/next-path';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Every workspace page reads live data: never prerender it at build time
  // (the build must not open, and lock, the embedded database).
  await connection();
  // Signed out → sign-in page; a role without the requested page → 403, decided
  // here because nothing has streamed yet (inside the page, the loading skeleton
  // is already out and the status would be 200). Each page checks its role too.
  const me = await requireSignedInFor(safeNextPath((await headers()).get('x-clearbuild-path')));
  return <AppShell me={me}>{children}</AppShell>;
}
