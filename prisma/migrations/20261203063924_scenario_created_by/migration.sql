-- Written by npm run db:migration:new (Prisma Wasm schema engine)
-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "createdBy" TEXT;
