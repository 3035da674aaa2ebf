import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Principal } from './principal';

const TOKEN_PREFIX = 'cbt_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random token: 256 bits, so a fast hash (SHA-256) is safe to store. */
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

export interface IssuedToken {
  id: number;
  token: string;
  prefix: string;
  supplierCode: string;
  expiresAt: Date;
}

/** Issues a token for one supplier; the plain token is returned once and never stored. */
export async function issueApiToken(
  prisma: PrismaClient,
  input: { name: string; supplierCode: string; expiresInDays: number; actor: string },
): Promise<IssuedToken | null> {
  const supplier = await prisma.supplier.findUnique({ where: { code: input.supplierCode } });
  if (!supplier) return null;
  const { token, hash, prefix } = generateToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name: input.name, supplierId: supplier.id, tokenHash: hash, prefix, createdBy: input.actor, expiresAt },
    });
    await tx.auditEvent.create({
      data: {
        entity: 'ApiToken',
        entityId: String(created.id),
        action: 'issue',
        after: { name: input.name, supplier: supplier.code, prefix, expiresAt: expiresAt.toISOString() },
        actor: input.actor,
      },
    });
    return created;
  });
  return { id: row.id, token, prefix, supplierCode: supplier.code, expiresAt };
}

export async function revokeApiToken(prisma: PrismaClient, id: number, actor: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return false;
    await tx.auditEvent.create({ data: { entity: 'ApiToken', entityId: String(id), action: 'revoke', actor } });
    return true;
  });
}

/** The supplier a presented token acts for, or null when it is unknown, revoked or expired. */
export async function resolveApiToken(prisma: PrismaClient, token: string, now = new Date()): Promise<Extract<Principal, { kind: 'token' }> | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { supplier: { select: { code: true } } } });
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  return { kind: 'token', tokenId: row.id, supplierId: row.supplierId, supplierCode: row.supplier.code };
}

/** Every use of a token is recorded: when it was last used, and an audit event of what it asked for. */
export async function recordTokenUse(
  prisma: PrismaClient,
  principal: Extract<Principal, { kind: 'token' }>,
  use: { method: string; path: string; status: number },
): Promise<void> {
  await prisma.$transaction([
    prisma.apiToken.update({ where: { id: principal.tokenId }, data: { lastUsedAt: new Date() } }),
    prisma.auditEvent.create({
      data: { entity: 'ApiToken', entityId: String(principal.tokenId), action: 'use', after: use, actor: `token:${principal.supplierCode}` },
    }),
  ]);
}
