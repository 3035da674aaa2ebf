-- Written by npm run db:migration:new (Prisma Wasm schema engine)
-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "rowCount" INTEGER;
