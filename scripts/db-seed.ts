// npm run db:seed — loads the demo build-out into an empty database (idempotent)
// and the demo's people, one per role, printing how to sign in as each.
import { resolveDatabaseTarget } from '../lib/db/config';
import { openDatabase } from '../lib/db/open';
import { seedDemo } from '../lib/imports/seed-demo';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from '../lib/auth/seed-users';
import { runEntryPoint } from './entry-point';

await runEntryPoint(async () => {
  const db = await openDatabase(resolveDatabaseTarget());
  try {
    const { seeded, batches } = await seedDemo(db);
    if (!seeded) console.log(`${db.target.display} already has data: demo not seeded (seeding twice changes nothing).`);
    else {
      for (const b of batches) console.log(`  ${b.filename}: ${b.created} rows`);
      console.log(`Demo data seeded into ${db.target.display}.`);
    }
    await seedDemoUsers(db.prisma);
    console.log(`\nSign in at /sign-in as any of these demo users (password: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(12)} ${u.email}`);
    console.log('Suppliers have no sign-in: an admin issues them API tokens (Admin → API tokens).');
  } finally {
    await db.close();
  }
});
