import type { PrismaClient } from '@/lib/generated/prisma/client';

export interface SavedMapping {
  name: string;
  kind: string;
  supplier: string | null;
  /** lib/mapping's ImportMapping JSON, as saved. */
  mapping: unknown;
  updatedAt: string;
}

/** A mapping's default name: one per supplier and kind, reused on that supplier's next file. */
export const defaultMappingName = (supplierCode: string | null, kind: string) => `${supplierCode ?? 'any'}-${kind}`.toLowerCase();

export async function findMappingByName(prisma: PrismaClient, name: string): Promise<SavedMapping | null> {
  const m = await prisma.importMapping.findUnique({ where: { name }, include: { supplier: { select: { code: true } } } });
  return m && { name: m.name, kind: m.kind, supplier: m.supplier?.code ?? null, mapping: m.config, updatedAt: m.updatedAt.toISOString() };
}

/** The mapping last saved for this supplier's files of this kind. */
export async function findSupplierMapping(prisma: PrismaClient, supplierCode: string | null, kind: string): Promise<SavedMapping | null> {
  const m = await prisma.importMapping.findFirst({
    where: { kind, supplier: supplierCode ? { code: supplierCode } : null },
    orderBy: { updatedAt: 'desc' },
    include: { supplier: { select: { code: true } } },
  });
  return m && { name: m.name, kind: m.kind, supplier: m.supplier?.code ?? null, mapping: m.config, updatedAt: m.updatedAt.toISOString() };
}

/** Saves (or replaces) a named mapping, audited like any other change. */
export async function saveMapping(
  prisma: PrismaClient,
  input: { name: string; kind: string; supplierCode: string | null; mapping: unknown; actor: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const supplier = input.supplierCode ? await tx.supplier.findUnique({ where: { code: input.supplierCode }, select: { id: true } }) : null;
    const before = await tx.importMapping.findUnique({ where: { name: input.name } });
    const config = input.mapping as object;
    await tx.importMapping.upsert({
      where: { name: input.name },
      create: { name: input.name, kind: input.kind, supplierId: supplier?.id ?? null, config, updatedBy: input.actor },
      update: { kind: input.kind, supplierId: supplier?.id ?? null, config, updatedBy: input.actor },
    });
    await tx.auditEvent.create({
      data: {
        entity: 'ImportMapping',
        entityId: input.name,
        action: before ? 'update' : 'create',
        before: before ? (before.config as object) : undefined,
        after: config,
        actor: input.actor,
      },
    });
  });
}
