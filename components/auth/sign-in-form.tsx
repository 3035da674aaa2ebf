'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from './auth.module.css';

/** Signs in through better-auth's endpoint (which sets the session cookie), then loads the workspace afresh. */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
      });
      if (res.ok) {
        router.replace(next);
        router.refresh();
        return;
      }
      setError(res.status === 429 ? 'Too many attempts. Wait a minute and try again.' : 'Wrong email or password.');
    } catch {
      setError('Could not reach the server. Try again.');
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className={styles.form} aria-describedby="sign-in-error">
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required maxLength={320} />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required maxLength={128} />
      </label>
      <div id="sign-in-error" aria-live="polite">
        {error && <p className="alert error">{error}</p>}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
