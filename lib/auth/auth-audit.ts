import type { PrismaClient } from '@/lib/generated/prisma/client';

/** Sign-ins (successful or not) and sign-outs, as audit events on the person's email. */
export async function recordSessionEvent(
  prisma: PrismaClient,
  event: { email: string; action: 'sign-in' | 'sign-in-failed' | 'sign-in-rate-limited' | 'sign-out'; address: string | null },
): Promise<void> {
  const email = event.email.slice(0, 320);
  await prisma.auditEvent.create({
    data: { entity: 'Session', entityId: email, action: event.action, after: { address: event.address }, actor: email || 'anonymous' },
  });
}
