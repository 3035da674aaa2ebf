import Link from 'next/link';
import { Logo } from '@/components/layout/logo';

const FEATURES = [
  {
    title: 'The capacity ramp, computed',
    text: 'From the bill of materials, stock on hand, purchase orders and build throughput: how many GPUs come online each day, scheduled for the most GPU-days possible.',
  },
  {
    title: 'What gates it, down to the PO line',
    text: 'Every GPU is traced to the parts it consumed. See which late delivery — pipe, switches, concrete — idles thousands of GPUs, and what to expedite.',
  },
  {
    title: 'Supplier files, imported safely',
    text: 'Ship notices, delivery schedules and stock reports as CSV: validated row by row, committed all or nothing, audited, never duplicated.',
  },
];

export default function LandingPage() {
  return (
    <div className="landing">
      <header>
        <span style={{ display: 'flex', alignItems: 'center', gap: 10, fontWeight: 700, fontSize: '1.2rem' }}>
          <Logo size={28} /> ClearBuild
        </span>
        <Link href="/dashboard" className="button">
          Open the workspace
        </Link>
      </header>
      <section className="hero">
        <h1>How many GPUs can actually come online, and when?</h1>
        <p>
          ClearBuild answers it for the teams building AI supercomputers: every GPU needs a server tray, a rack position,
          network, power, cooling pipe and poured concrete. ClearBuild tracks those parts and what suppliers promised, and
          computes the ramp, the bottleneck behind it and the purchase-order lines that gate it.
        </p>
      </section>
      <section className="features">
        {FEATURES.map((f) => (
          <div key={f.title} className="panel">
            <h3>{f.title}</h3>
            <p>{f.text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
