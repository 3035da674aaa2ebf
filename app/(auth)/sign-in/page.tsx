import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeNextPath } from '@/lib/auth/next-path';
import { sessionPrincipal } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  // Already signed in: straight on to where they were going.
  if (await sessionPrincipal(await headers())) redirect(next);
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">Use the account your ClearBuild admin gave you.</p>
      <SignInForm next={next} />
    </>
  );
}
