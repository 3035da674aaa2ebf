-- Written by npm run db:migration:new (Prisma Wasm schema engine)
-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataWrite" (
    "txid" BIGINT NOT NULL,

    CONSTRAINT "DataWrite_pkey" PRIMARY KEY ("txid")
);

-- CreateTable
CREATE TABLE "ForecastAlias" (
    "dataVersion" BIGINT NOT NULL,
    "request" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForecastAlias_pkey" PRIMARY KEY ("dataVersion","request")
);

-- Written by hand: the data version's one row and the triggers that bump it.
-- The migration runner splits scripts at every semicolon (@prisma/adapter-pg executeScript), so the functions'
-- bodies are E-strings with each semicolon written as \073, and no comment here holds one.
INSERT INTO "DataVersion" (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;

-- Once per statement that writes an input table: note that this transaction wrote, once per transaction.
-- No shared row is locked here, so concurrent writers never wait on each other through the version.
CREATE FUNCTION clearbuild_note_data_write() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN INSERT INTO "DataWrite" (txid) VALUES (txid_current()) ON CONFLICT (txid) DO NOTHING\073 RETURN NULL\073 END';

-- At commit (a deferred constraint trigger on the transaction's one DataWrite row): bump the version and forget
-- the row. The version row is locked from here to the end of the commit only.
CREATE FUNCTION clearbuild_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN UPDATE "DataVersion" SET version = version + 1 WHERE id = 1\073 DELETE FROM "DataWrite" WHERE txid = NEW.txid\073 RETURN NULL\073 END';

CREATE CONSTRAINT TRIGGER "DataWrite_bumps_version" AFTER INSERT ON "DataWrite"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION clearbuild_bump_data_version();

CREATE TRIGGER "Site_data_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Site" FOR EACH STATEMENT EXECUTE FUNCTION clearbuild_note_data_write();
CREATE TRIGGER "Item_data_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Item" FOR EACH STATEMENT EXECUTE FUNCTION clearbuild_note_data_write();
CREATE TRIGGER "Recipe_data_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Recipe" FOR EACH STATEMENT EXECUTE FUNCTION clearbuild_note_data_write();
CREATE TRIGGER "RecipeLine_data_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RecipeLine" FOR EACH STATEMENT EXECUTE FUNCTION clearbuild_note_data_write();
CREATE TRIGGER "InventoryBalance_data_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "InventoryBalance" FOR EACH STATEMENT EXECUTE FUNCTION clearbuild_note_data_write();
CREATE TRIGGER "Supplier_data_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Supplier" FOR EACH STATEMENT EXECUTE FUNCTION clearbuild_note_data_write();
CREATE TRIGGER "PurchaseOrder_data_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PurchaseOrder" FOR EACH STATEMENT EXECUTE FUNCTION clearbuild_note_data_write();
CREATE TRIGGER "PurchaseOrderLine_data_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PurchaseOrderLine" FOR EACH STATEMENT EXECUTE FUNCTION clearbuild_note_data_write();
CREATE TRIGGER "Target_data_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Target" FOR EACH STATEMENT EXECUTE FUNCTION clearbuild_note_data_write();
CREATE TRIGGER "SupplierStockReport_data_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SupplierStockReport" FOR EACH STATEMENT EXECUTE FUNCTION clearbuild_note_data_write();
