import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="landing">
      <h1>Not found</h1>
      <p className="muted">There is no page at this address.</p>
      <Link href="/dashboard">Go to the dashboard</Link>
    </div>
  );
}
