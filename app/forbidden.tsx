import Link from 'next/link';

// Rendered with HTTP 403 when forbidden() refuses a signed-in person's role
// (lib/auth/guard.ts).
export default function Forbidden() {
  return (
    <div className="landing">
      <h1>Not allowed</h1>
      <p className="muted">This page could not be accessed. Your role does not include it; an admin can change your role.</p>
      <Link href="/dashboard">Go to the dashboard</Link>
    </div>
  );
}
