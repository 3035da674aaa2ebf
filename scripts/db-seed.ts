// npm run db:seed — loads the demo build-out into an empty database (idempotent).
import { resolveDatabaseTarget } from '../lib/db/config';
import { openDatabase } from '../lib/db/open';
import { seedDemo } from '../lib/imports/seed-demo';
import { runEntryPoint } from './entry-point';

await runEntryPoint(async () => {
  const db = await openDatabase(resolveDatabaseTarget());
  try {
    const { seeded, batches } = await seedDemo(db.prisma);
    if (!seeded) console.log(`${db.target.display} already has data: demo not seeded (seeding twice changes nothing).`);
    else {
      for (const b of batches) console.log(`  ${b.filename}: ${b.created} rows`);
      console.log(`Demo data seeded into ${db.target.display}.`);
    }
  } finally {
    await db.close();
  }
});
