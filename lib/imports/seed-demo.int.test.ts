import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { seedDemo } from './seed-demo';

for (const kind of testDatabaseKinds()) {
  describe(`demo seed on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    beforeAll(async () => {
      env = await kind.create();
    });
    afterAll(async () => env?.dispose());

    it('loads a build-out with 2+ sites, 8+ suppliers and 150+ PO lines spread over a year', async () => {
      const { seeded } = await seedDemo(env.db, '2026-11-23');
      expect(seeded).toBe(true);
      const p = env.db.prisma;
      expect(await p.site.count()).toBeGreaterThanOrEqual(2);
      expect(await p.supplier.count()).toBeGreaterThanOrEqual(8);
      expect(await p.purchaseOrderLine.count()).toBeGreaterThanOrEqual(150);
      const span = await p.purchaseOrderLine.aggregate({ _min: { promisedDate: true }, _max: { promisedDate: true } });
      const days = (span._max.promisedDate!.getTime() - span._min.promisedDate!.getTime()) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(300);
      const maxTarget = await p.target.aggregate({ _max: { gpusOnline: true } });
      expect(maxTarget._max.gpusOnline).toBeGreaterThanOrEqual(10_000);
      const capacity = await p.item.count({ where: { gpusOnlinePerUnit: { gt: 0 } } });
      expect(capacity).toBeGreaterThanOrEqual(2);
    });

    it('seeding twice changes nothing', async () => {
      const snapshot = async () =>
        JSON.stringify(
          await Promise.all([
            env.db.prisma.item.count(),
            env.db.prisma.purchaseOrderLine.count(),
            env.db.prisma.importBatch.count(),
            env.db.prisma.auditEvent.count(),
            env.db.prisma.inventoryBalance.count(),
          ]),
        );
      const before = await snapshot();
      const again = await seedDemo(env.db, '2026-11-23');
      expect(again.seeded).toBe(false);
      expect(await snapshot()).toBe(before);
    });
  });
}
