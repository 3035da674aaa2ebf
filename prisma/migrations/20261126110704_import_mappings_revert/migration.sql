-- Written by npm run db:migration:new (Prisma Wasm schema engine)
-- DropIndex
DROP INDEX "AuditEvent_action_idx";

-- DropIndex
DROP INDEX "AuditEvent_actor_idx";

-- DropIndex
DROP INDEX "AuditEvent_batchId_idx";

-- DropIndex
DROP INDEX "AuditEvent_createdAt_idx";

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "mappingName" TEXT,
ADD COLUMN     "revertedAt" TIMESTAMP(3),
ADD COLUMN     "revertedBy" TEXT,
ADD COLUMN     "runnerHost" TEXT,
ADD COLUMN     "runnerPid" INTEGER;

-- CreateTable
CREATE TABLE "ImportMapping" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "supplierId" INTEGER,
    "config" JSONB NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportMapping_name_key" ON "ImportMapping"("name");

-- CreateIndex
CREATE INDEX "ImportMapping_supplierId_kind_idx" ON "ImportMapping"("supplierId", "kind");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent" USING BRIN ("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_batchId_idx" ON "AuditEvent" USING BRIN ("batchId");

-- AddForeignKey
ALTER TABLE "ImportMapping" ADD CONSTRAINT "ImportMapping_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE SET NULL ON UPDATE CASCADE;
