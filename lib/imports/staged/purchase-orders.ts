import type { PurchaseOrderLine } from '@/lib/validation/purchase-order-line';
import type { StagedKind } from './types';

/** The key people's edits audit a PO line under (app/api/purchase-order-lines). */
export const poLineEntityId = (supplier: string, poNumber: string, lineNo: number) => `${supplier}/${poNumber}/${lineNo}`;

export const purchaseOrdersStaged: StagedKind<PurchaseOrderLine> = {
  entity: 'PurchaseOrderLine',
  columns: [
    { name: 'supplier', type: 'text' },
    { name: 'po_number', type: 'text' },
    { name: 'line_no', type: 'int' },
    { name: 'sku', type: 'text' },
    { name: 'qty', type: 'numeric(18,6)' },
    { name: 'promised_date', type: 'date' },
    { name: 'status', type: 'text' },
    { name: 'received_date', type: 'date' },
  ],
  cells: (r) => [r.supplier, r.poNumber, r.lineNo, r.sku, r.qty, r.promisedDate, r.status, r.receivedDate],
  entityId: (r) => poLineEntityId(r.supplier, r.poNumber, r.lineNo),
  entityIdSql: (t) => `${t}.supplier || '/' || ${t}.po_number || '/' || ${t}.line_no`,
  afterFields: {
    supplier: 'c.supplier',
    poNumber: 'c.po_number',
    lineNo: 'c.line_no',
    sku: 'c.sku',
    qty: 'trim_scale(c.qty)::text',
    // JSON writes a date as YYYY-MM-DD whatever the session's DateStyle (cheaper than to_char); beforeSql too.
    promisedDate: 'c.promised_date',
    status: 'c.status',
    receivedDate: 'c.received_at',
    receivedQty: 'trim_scale(c.received_qty)::text',
  },
  foreign: (r, code) =>
    r.supplier === code ? null : { column: 'supplier', message: `row is for supplier "${r.supplier}", but this file is ${code}'s` },
  // Also the row's own rules across columns, kept out of the schema so rows still take the fast parse path.
  unknownRefsSql: `SELECT * FROM (
      SELECT st.row_no, 'sku' AS column_name, 'unknown SKU "' || st.sku || '": import it in items first' AS message
        FROM st LEFT JOIN "Item" i ON i.sku = st.sku WHERE i.id IS NULL
      UNION ALL
      SELECT st.row_no, 'received_date', 'a received date is only for a received line (status is ' || st.status || ')'
        FROM st WHERE st.received_date IS NOT NULL AND st.status <> 'received'
      UNION ALL
      SELECT st.row_no, 'received_date', 'received ' || st.received_date || ', which is in the future'
        FROM st WHERE st.received_date > current_date
    ) u ORDER BY row_no`,
  // An unknown supplier code creates the supplier, and an unknown PO number the PO (DESIGN.md).
  // The file's POs are read from its million lines once, then suppliers and POs from those few.
  prepareSql: [
    `CREATE TEMP TABLE st_po ON COMMIT DROP AS SELECT DISTINCT supplier, po_number FROM st`,
    `INSERT INTO "Supplier" (code, name) SELECT DISTINCT supplier, supplier FROM st_po ON CONFLICT (code) DO NOTHING`,
    `INSERT INTO "PurchaseOrder" ("supplierId", "poNumber")
       SELECT s.id, p.po_number FROM st_po p JOIN "Supplier" s ON s.code = p.supplier
       ON CONFLICT ("supplierId", "poNumber") DO NOTHING`,
  ],
  // The delivery record: a received line keeps the date it had unless the file gives one (received_at), and the
  // quantity received (a person's receipt may be partial) or else its quantity; a line not received has neither.
  diffSql: `SELECT d.*, (d.target_id IS NOT NULL AND d.same_line AND d.old_received_date IS NOT DISTINCT FROM d.received_at
      AND d.old_received_qty IS NOT DISTINCT FROM d.received_qty) AS unchanged
    FROM (SELECT r.*, CASE WHEN r.received_at IS NOT NULL THEN coalesce(r.old_received_qty, r.qty) END AS received_qty
      FROM (SELECT st.*, i.id AS item_id, p.id AS po_id, l.id AS target_id, (l.id IS NULL) AS is_new,
          (l."itemId" = i.id AND l.qty = st.qty AND l."promisedDate" = st.promised_date AND l.status::text = st.status) AS same_line,
          CASE WHEN st.status = 'received' THEN coalesce(st.received_date, l."receivedDate") END AS received_at,
          oi.sku AS old_sku, l.qty AS old_qty, l."promisedDate" AS old_promised_date, l.status::text AS old_status,
          l."receivedDate" AS old_received_date, l."receivedQty" AS old_received_qty
    FROM st
    JOIN "Item" i ON i.sku = st.sku
    LEFT JOIN "Supplier" s ON s.code = st.supplier
    LEFT JOIN "PurchaseOrder" p ON p."supplierId" = s.id AND p."poNumber" = st.po_number
    LEFT JOIN "PurchaseOrderLine" l ON l."purchaseOrderId" = p.id AND l."lineNo" = st.line_no
    LEFT JOIN "Item" oi ON oi.id = l."itemId") r) d`,
  beforeSql: `CASE WHEN c.is_new THEN NULL ELSE jsonb_build_object('supplier', c.supplier, 'poNumber', c.po_number, 'lineNo', c.line_no,
      'sku', c.old_sku, 'qty', trim_scale(c.old_qty)::text, 'promisedDate', c.old_promised_date, 'status', c.old_status,
      'receivedDate', c.old_received_date, 'receivedQty', trim_scale(c.old_received_qty)::text) END`,
  // A new line's first promise is its promised date; it writes no promise-history row (a million new lines would write a million).
  insertSql: `INSERT INTO "PurchaseOrderLine" ("purchaseOrderId", "lineNo", "itemId", qty, "promisedDate", "firstPromisedDate", status, "receivedDate", "receivedQty", "updatedAt")
    SELECT c.po_id, c.line_no, c.item_id, c.qty, c.promised_date, c.promised_date, c.status::"PoLineStatus", c.received_at, c.received_qty, now() FROM c WHERE c.is_new`,
  // An import is an edit too: bump the version so a person's stale edit conflicts.
  updateSql: `UPDATE "PurchaseOrderLine" l SET "itemId" = c.item_id, qty = c.qty, "promisedDate" = c.promised_date,
      status = c.status::"PoLineStatus", version = l.version + 1, "updatedAt" = now(),
      "receivedDate" = c.received_at, "receivedQty" = c.received_qty,
      "firstPromisedDate" = coalesce(l."firstPromisedDate", l."promisedDate")
    FROM c WHERE NOT c.is_new AND l.id = c.target_id`,
  // A re-promise for each updated line whose promised date moved, and only those ($2 actor, $3 batch).
  historySql: `INSERT INTO "PromiseChange" ("lineId", "promisedDate", "previousDate", source, actor, "batchId")
    SELECT c.target_id, c.promised_date, c.old_promised_date, 'import', $2, $3::int FROM c
    WHERE NOT c.is_new AND c.old_promised_date <> c.promised_date`,
  headlineSql: `count(*) FILTER (WHERE NOT is_new AND NOT unchanged AND old_promised_date <> promised_date)::int AS dates_moved,
    count(*) FILTER (WHERE NOT is_new AND NOT unchanged AND promised_date > old_promised_date)::int AS dates_later`,
  revertCreatesSql: `DELETE FROM "PurchaseOrderLine" l USING batch_events e, "Supplier" s, "PurchaseOrder" p
    WHERE e."batchId" = $1 AND e.entity = 'PurchaseOrderLine' AND e.action = 'create'
      AND s.code = e.after->>'supplier' AND p."supplierId" = s.id AND p."poNumber" = e.after->>'poNumber'
      AND l."purchaseOrderId" = p.id AND l."lineNo" = (e.after->>'lineNo')::int`,
  revertHistorySql: `INSERT INTO "PromiseChange" ("lineId", "promisedDate", "previousDate", source, actor, "batchId")
    SELECT l.id, (e.before->>'promisedDate')::date, (e.after->>'promisedDate')::date, 'revert', $2, $1::int
    FROM batch_events e
    JOIN "Supplier" s ON s.code = e.before->>'supplier'
    JOIN "PurchaseOrder" p ON p."supplierId" = s.id AND p."poNumber" = e.before->>'poNumber'
    JOIN "PurchaseOrderLine" l ON l."purchaseOrderId" = p.id AND l."lineNo" = (e.before->>'lineNo')::int
    WHERE e."batchId" = $1 AND e.entity = 'PurchaseOrderLine' AND e.action = 'update'
      AND e.before->>'promisedDate' IS DISTINCT FROM e.after->>'promisedDate'`,
  revertUpdatesSql: `UPDATE "PurchaseOrderLine" l SET "itemId" = i.id, qty = (e.before->>'qty')::numeric,
      "promisedDate" = (e.before->>'promisedDate')::date, status = (e.before->>'status')::"PoLineStatus",
      -- A line not received before has no receipt; batches audited before the delivery record have none in their
      -- before image, so a line received then keeps the one it has.
      "receivedDate" = CASE WHEN e.before->>'status' <> 'received' THEN NULL WHEN e.before ? 'receivedDate' THEN (e.before->>'receivedDate')::date ELSE l."receivedDate" END,
      "receivedQty" = CASE WHEN e.before->>'status' <> 'received' THEN NULL WHEN e.before ? 'receivedQty' THEN (e.before->>'receivedQty')::numeric ELSE l."receivedQty" END,
      version = l.version + 1, "updatedAt" = now()
    FROM batch_events e
    JOIN "Supplier" s ON s.code = e.before->>'supplier'
    JOIN "PurchaseOrder" p ON p."supplierId" = s.id AND p."poNumber" = e.before->>'poNumber'
    JOIN "Item" i ON i.sku = e.before->>'sku'
    WHERE e."batchId" = $1 AND e.entity = 'PurchaseOrderLine' AND e.action = 'update'
      AND l."purchaseOrderId" = p.id AND l."lineNo" = (e.before->>'lineNo')::int`,
};
