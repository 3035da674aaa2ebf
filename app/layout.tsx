import type { Metadata } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ClearBuild', template: '%s · ClearBuild' },
  description: 'How many GPUs can actually come online, and when, given what you have and what suppliers have promised.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Render every page per request: Next puts the request's CSP nonce (proxy.ts)
  // on its scripts only while rendering, so a page prerendered at build time (the
  // landing page, not-found) would carry none and its scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
