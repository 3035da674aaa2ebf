-- Written by npm run db:migration:new (Prisma Wasm schema engine)
-- AlterTable
ALTER TABLE "PoLineValue" ADD COLUMN     "engineRevision" TEXT NOT NULL DEFAULT '';
