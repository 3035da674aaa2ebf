import { defineConfig } from 'prisma/config';

// Migrations run through scripts/db-migrate.ts (Prisma's Wasm schema engine),
// not `prisma migrate`, because the native engine cannot be downloaded here.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
