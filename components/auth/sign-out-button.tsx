'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from './auth.module.css';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const router = useRouter();
  async function signOut() {
    setPending(true);
    await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
    router.replace('/sign-in');
    router.refresh();
  }
  return (
    <button type="button" className={styles.signOut} onClick={signOut} disabled={pending}>
      Sign out
    </button>
  );
}
