import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from './password';
import type { Role } from './roles';

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role: Role;
}

/**
 * Creates a person who signs in with email and password, as better-auth stores
 * them (a user row plus a "credential" account holding the argon2id hash), audited.
 * Returns null when the email is taken.
 */
export async function createUser(prisma: PrismaClient, input: NewUser, actor: string): Promise<{ id: string } | null> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return null;
    const id = randomUUID();
    await tx.user.create({ data: { id, name: input.name.trim(), email, emailVerified: true, role: input.role } });
    await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash } });
    await tx.auditEvent.create({ data: { entity: 'User', entityId: email, action: 'create', after: { name: input.name.trim(), role: input.role }, actor } });
    return { id };
  });
}

/** Changes a person's role; their open sessions end so the new role applies at once. */
export async function changeRole(prisma: PrismaClient, userId: string, role: Role, actor: string): Promise<'changed' | 'unchanged' | 'not-found'> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) return 'not-found';
    if (user.role === role) return 'unchanged';
    await tx.user.update({ where: { id: userId }, data: { role } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.auditEvent.create({
      data: { entity: 'User', entityId: user.email, action: 'role-change', before: { role: user.role }, after: { role }, actor },
    });
    return 'changed';
  });
}
