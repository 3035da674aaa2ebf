import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ClearBuild', template: '%s · ClearBuild' },
  description: 'How many GPUs can actually come online, and when, given what you have and what suppliers have promised.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
