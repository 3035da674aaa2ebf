import 'server-only';
import { getPrisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

export async function fetchUsers() {
  const prisma = await getPrisma();
  const users = await prisma.user.findMany({ orderBy: { email: 'asc' }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
  return users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }));
}

export async function fetchApiTokens() {
  const prisma = await getPrisma();
  const tokens = await prisma.apiToken.findMany({ orderBy: { id: 'desc' }, include: { supplier: { select: { code: true } } } });
  const now = Date.now();
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    supplier: t.supplier.code,
    prefix: t.prefix,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    state: t.revokedAt ? ('revoked' as const) : t.expiresAt.getTime() <= now ? ('expired' as const) : ('active' as const),
  }));
}

export async function fetchSupplierCodes(): Promise<string[]> {
  const prisma = await getPrisma();
  return (await prisma.supplier.findMany({ orderBy: { code: 'asc' }, select: { code: true } })).map((s) => s.code);
}

export interface AuditFilter {
  entity?: string;
  action?: string;
  actor?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 200;

/** The newest audit events matching every given filter (text filters are substring, case-insensitive). */
export async function fetchAuditEvents(f: AuditFilter) {
  const prisma = await getPrisma();
  const where: Prisma.AuditEventWhereInput = {
    ...(f.entity && { entity: f.entity }),
    ...(f.action && { action: f.action }),
    ...(f.actor && { actor: { contains: f.actor, mode: 'insensitive' } }),
    ...(f.entityId && { entityId: { contains: f.entityId, mode: 'insensitive' } }),
    ...((f.from || f.to) && {
      createdAt: { ...(f.from && { gte: new Date(`${f.from}T00:00:00Z`) }), ...(f.to && { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) }) },
    }),
  };
  const [total, rows] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({ where, orderBy: { id: 'desc' }, take: AUDIT_PAGE_SIZE }),
  ]);
  return {
    total,
    rows: rows.map((e) => ({
      id: e.id.toString(),
      createdAt: e.createdAt.toISOString(),
      entity: e.entity,
      entityId: e.entityId,
      action: e.action,
      actor: e.actor,
      batchId: e.batchId,
      before: e.before === null ? '' : JSON.stringify(e.before),
      after: e.after === null ? '' : describeAfter(e.action, e.after, e.batchId),
    })),
  };
}

/** An import's grouped creations (lib/imports/batch-events.ts) hold up to 200 rows column-wise: the log says how many, the batch page lists them. */
function describeAfter(action: string, after: unknown, batchId: number | null): string {
  const keys = action === 'create-rows' ? (after as { entityId?: unknown } | null)?.entityId : null;
  if (Array.isArray(keys)) return `${keys.length} rows created${batchId === null ? '' : `, listed on import batch #${batchId}`}`;
  return JSON.stringify(after);
}

/** The distinct entities and actions, for the filter menus. */
export async function fetchAuditFacets() {
  const prisma = await getPrisma();
  // DISTINCT in the database: a million-line import leaves a million events, never to be fetched for a menu.
  const [entities, actions] = await Promise.all([
    prisma.$queryRaw<{ entity: string }[]>`SELECT DISTINCT entity FROM "AuditEvent" ORDER BY entity`,
    prisma.$queryRaw<{ action: string }[]>`SELECT DISTINCT action FROM "AuditEvent" ORDER BY action`,
  ]);
  return { entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action) };
}
