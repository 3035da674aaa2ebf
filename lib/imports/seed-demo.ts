import { buildDemoData, demoAnchor, demoToCsv } from '@/lib/demo';

export { demoAnchor };
import type { DatabaseHandle } from '@/lib/db/open';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { runImport, type ImportSummary } from './run-import';

/** Order matters: items before what refers to them, recipes before their BOM lines. */
const SEED_ORDER: ImportKind[] = ['items', 'recipes', 'bom', 'inventory', 'purchase-orders', 'targets'];
export const DEMO_ACTOR = 'demo-seed';


/**
 * Seeds the demo build-out through the same import pipeline a person uses, so the
 * demo exercises validation, audit and batches. An existing database is left alone:
 * seeding twice changes nothing.
 */
export async function seedDemo(db: DatabaseHandle, anchor = demoAnchor()): Promise<{ seeded: boolean; batches: ImportSummary[] }> {
  const { prisma } = db;
  if ((await prisma.item.count()) > 0) return { seeded: false, batches: [] };
  const data = buildDemoData(anchor);
  const csv = demoToCsv(data);
  // Sites and suppliers get their display names first; imports would name them by code.
  await prisma.$transaction(async (tx) => {
    await tx.site.createMany({ data: data.sites, skipDuplicates: true });
    await tx.supplier.createMany({ data: data.suppliers, skipDuplicates: true });
    await tx.auditEvent.createMany({
      data: [
        ...data.sites.map((s) => ({ entity: 'Site', entityId: s.code, action: 'create', after: s, actor: DEMO_ACTOR })),
        ...data.suppliers.map((s) => ({ entity: 'Supplier', entityId: s.code, action: 'create', after: s, actor: DEMO_ACTOR })),
      ],
    });
  });
  const batches: ImportSummary[] = [];
  for (const kind of SEED_ORDER) {
    batches.push(
      await runImport(db, { kind, source: new TextEncoder().encode(csv[kind]), filename: `demo-${kind}.csv`, actor: DEMO_ACTOR }),
    );
  }
  return { seeded: true, batches };
}
