-- Written by npm run db:migration:new (Prisma Wasm schema engine)
-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "changeSetId" INTEGER;

-- AlterTable
ALTER TABLE "InventoryBalance" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "PurchaseOrderLine" ADD COLUMN     "firstPromisedDate" DATE,
ADD COLUMN     "receivedDate" DATE,
ADD COLUMN     "receivedQty" DECIMAL(18,6);

-- AlterTable
ALTER TABLE "Recipe" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "RecipeLine" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ChangeSet" (
    "id" SERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoesId" INTEGER,
    "undoneById" INTEGER,
    "importBatchId" INTEGER,

    CONSTRAINT "ChangeSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromiseChange" (
    "id" BIGSERIAL NOT NULL,
    "lineId" INTEGER NOT NULL,
    "promisedDate" DATE NOT NULL,
    "previousDate" DATE,
    "source" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "changeSetId" INTEGER,
    "batchId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromiseChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChangeSet_actor_id_idx" ON "ChangeSet"("actor", "id");

-- CreateIndex
CREATE INDEX "ChangeSet_importBatchId_idx" ON "ChangeSet"("importBatchId");

-- CreateIndex
CREATE INDEX "PromiseChange_lineId_id_idx" ON "PromiseChange"("lineId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_changeSetId_idx" ON "AuditEvent" USING BRIN ("changeSetId");

-- AddForeignKey
ALTER TABLE "ChangeSet" ADD CONSTRAINT "ChangeSet_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromiseChange" ADD CONSTRAINT "PromiseChange_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "PurchaseOrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromiseChange" ADD CONSTRAINT "PromiseChange_changeSetId_fkey" FOREIGN KEY ("changeSetId") REFERENCES "ChangeSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromiseChange" ADD CONSTRAINT "PromiseChange_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_changeSetId_fkey" FOREIGN KEY ("changeSetId") REFERENCES "ChangeSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill (written by hand): the first promise of every line is its promised date today, and every committed
-- or reverted import batch is a change set, so history names it.
UPDATE "PurchaseOrderLine" SET "firstPromisedDate" = "promisedDate" WHERE "firstPromisedDate" IS NULL;
INSERT INTO "ChangeSet" ("actor", "source", "summary", "rowCount", "createdAt", "importBatchId")
SELECT b."actor", 'import', 'Imported ' || b."filename" || ' (' || b."kind" || '): ' || b."createdCount" || ' created, ' || b."updatedCount" || ' updated',
       b."createdCount" + b."updatedCount", coalesce(b."finishedAt", b."createdAt"), b."id"
  FROM "ImportBatch" b WHERE b."status" IN ('committed', 'reverted') ORDER BY b."id";
