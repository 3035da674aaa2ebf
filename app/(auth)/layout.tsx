import Link from 'next/link';
import { Logo } from '@/components/layout/logo';
import styles from '@/components/auth/auth.module.css';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className={styles.page}>
      <Link href="/" className={styles.brand}>
        <Logo size={28} /> ClearBuild
      </Link>
      <main className={styles.card}>{children}</main>
    </div>
  );
}
