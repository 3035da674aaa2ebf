-- Written by npm run db:migration:new (Prisma Wasm schema engine)
-- CreateTable
CREATE TABLE "PoLineValue" (
    "purchaseOrderLineId" INTEGER NOT NULL,
    "inputVersion" TEXT NOT NULL,
    "planStart" DATE NOT NULL,
    "dataReadAt" TIMESTAMP(3) NOT NULL,
    "gpusGated" INTEGER NOT NULL,
    "gpuDaysPerWeekSlip" DECIMAL(20,2) NOT NULL,
    "gpuDaysPerWeekPullIn" DECIMAL(20,2) NOT NULL,
    "method" TEXT NOT NULL,

    CONSTRAINT "PoLineValue_pkey" PRIMARY KEY ("purchaseOrderLineId")
);

-- CreateIndex
CREATE INDEX "PoLineValue_gpuDaysPerWeekSlip_idx" ON "PoLineValue"("gpuDaysPerWeekSlip");

-- AddForeignKey
ALTER TABLE "PoLineValue" ADD CONSTRAINT "PoLineValue_purchaseOrderLineId_fkey" FOREIGN KEY ("purchaseOrderLineId") REFERENCES "PurchaseOrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
