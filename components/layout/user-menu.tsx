import { SignOutButton } from '@/components/auth/sign-out-button';
import styles from '@/components/auth/auth.module.css';
import { ROLE_LABELS, type Role } from '@/lib/auth/roles';

export function UserMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  return (
    <div className={styles.who} aria-label="Signed in">
      <strong title={email}>{name}</strong>
      <span>
        {email} · {ROLE_LABELS[role]}
      </span>
      <SignOutButton />
    </div>
  );
}
