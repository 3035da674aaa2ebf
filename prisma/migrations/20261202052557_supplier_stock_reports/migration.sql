-- Written by npm run db:migration:new (Prisma Wasm schema engine)
-- CreateTable
CREATE TABLE "SupplierStockReport" (
    "id" SERIAL NOT NULL,
    "supplierId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "location" TEXT NOT NULL,
    "onHand" DECIMAL(18,6) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'reported',
    "reportedBy" TEXT NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "SupplierStockReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupplierStockReport_status_idx" ON "SupplierStockReport"("status");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierStockReport_supplierId_itemId_location_key" ON "SupplierStockReport"("supplierId", "itemId", "location");

-- AddForeignKey
ALTER TABLE "SupplierStockReport" ADD CONSTRAINT "SupplierStockReport_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierStockReport" ADD CONSTRAINT "SupplierStockReport_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
