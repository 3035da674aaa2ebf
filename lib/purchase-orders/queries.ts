import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { dateText, decimalText } from '@/lib/db/value-text';
import type { Prisma } from '@/lib/generated/prisma/client';
import { formatCsvLine } from '@/lib/csv/write';
import type { PoLineListQuery, PoLineSortKey } from '@/lib/validation/purchase-order-line-query';

export interface PoLineListRow {
  id: number;
  supplier: string;
  poNumber: string;
  lineNo: number;
  sku: string;
  itemName: string;
  qty: string;
  unit: string;
  promisedDate: string;
  status: string;
  version: number;
}

/** Lines a page shows: a page of HTML stays quick to render however many lines there are. */
export const PO_PAGE_SIZE = 100;

export interface PoLinePage {
  rows: PoLineListRow[];
  total: number;
  open: number;
  /** The page asked for (1 when none or not a number); past the last page it has no rows. */
  page: number;
  pages: number;
}

/** `?page=` as a page number: a whole number from 1, else page 1. */
export function parsePageParam(raw: string | undefined): number {
  return raw !== undefined && /^\d{1,6}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
}

type LineFilter = Partial<Pick<PoLineListQuery, 'supplier' | 'poNumber' | 'status' | 'sku' | 'q' | 'promisedFrom' | 'promisedTo'>>;

function lineWhere(f: LineFilter): Prisma.PurchaseOrderLineWhereInput {
  const contains = (text: string) => ({ contains: text, mode: 'insensitive' as const });
  const and: Prisma.PurchaseOrderLineWhereInput[] = [];
  if (f.status) and.push({ status: f.status });
  if (f.sku) and.push({ item: { sku: f.sku } });
  if (f.poNumber) and.push({ purchaseOrder: { poNumber: f.poNumber } });
  if (f.supplier) and.push({ purchaseOrder: { supplier: { code: f.supplier } } });
  if (f.promisedFrom) and.push({ promisedDate: { gte: new Date(`${f.promisedFrom}T00:00:00Z`) } });
  if (f.promisedTo) and.push({ promisedDate: { lte: new Date(`${f.promisedTo}T00:00:00Z`) } });
  if (f.q) and.push({ OR: [{ item: { sku: contains(f.q) } }, { purchaseOrder: { poNumber: contains(f.q) } }, { purchaseOrder: { supplier: { code: contains(f.q) } } }] });
  return and.length > 0 ? { AND: and } : {};
}

const LINE_INCLUDE = {
  item: { select: { sku: true, name: true, unit: true } },
  purchaseOrder: { select: { poNumber: true, supplier: { select: { code: true } } } },
} as const;
const LINE_ORDER: Prisma.PurchaseOrderLineOrderByWithRelationInput[] = [{ promisedDate: 'asc' }, { id: 'asc' }];

/** The sort as Prisma orders it; the id last, so equal rows keep one order from page to page. */
function lineOrder(sort: PoLineSortKey[] | undefined): Prisma.PurchaseOrderLineOrderByWithRelationInput[] {
  if (!sort || sort.length === 0) return LINE_ORDER;
  const by = ({ field, dir }: PoLineSortKey): Prisma.PurchaseOrderLineOrderByWithRelationInput => {
    switch (field) {
      case 'supplier':
        return { purchaseOrder: { supplier: { code: dir } } };
      case 'poNumber':
        return { purchaseOrder: { poNumber: dir } };
      case 'sku':
        return { item: { sku: dir } };
      default:
        return { [field]: dir };
    }
  };
  return [...sort.map(by), { id: 'asc' }];
}

type LineWithParents = Prisma.PurchaseOrderLineGetPayload<{ include: typeof LINE_INCLUDE }>;

function toListRow(l: LineWithParents): PoLineListRow {
  return {
    id: l.id,
    supplier: l.purchaseOrder.supplier.code,
    poNumber: l.purchaseOrder.poNumber,
    lineNo: l.lineNo,
    sku: l.item.sku,
    itemName: l.item.name,
    qty: decimalText(l.qty),
    unit: l.item.unit,
    promisedDate: dateText(l.promisedDate),
    status: l.status,
    version: l.version,
  };
}

/** One page of the PO page's lines, by promised date, optionally searched (`q`: supplier, PO number or SKU). */
export async function fetchPoLines(page = 1, q?: string): Promise<PoLinePage> {
  const prisma = await getPrisma();
  const where = lineWhere({ q });
  const [total, open] = await Promise.all([
    prisma.purchaseOrderLine.count({ where }),
    prisma.purchaseOrderLine.count({ where: { AND: [where, { status: 'open' }] } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PO_PAGE_SIZE));
  const current = Math.max(1, Math.floor(page) || 1);
  // A page past the end is said to be so (the page shows it), never silently page 1.
  if (current > pages) return { rows: [], total, open, page: current, pages };
  const lines = await prisma.purchaseOrderLine.findMany({ where, include: LINE_INCLUDE, orderBy: LINE_ORDER, skip: (current - 1) * PO_PAGE_SIZE, take: PO_PAGE_SIZE });
  return { rows: lines.map(toListRow), total, open, page: current, pages };
}

/** PO lines matching the filters, in the sort asked for (by promised date by default), a page at a time (`nextCursor` is null on the last page). */
export async function fetchPoLineList(query: PoLineListQuery): Promise<{ rows: PoLineListRow[]; total: number; nextCursor: string | null }> {
  const prisma = await getPrisma();
  const where = lineWhere(query);
  const offset = query.cursor ?? 0;
  const [total, lines] = await Promise.all([
    prisma.purchaseOrderLine.count({ where }),
    prisma.purchaseOrderLine.findMany({ where, include: LINE_INCLUDE, orderBy: lineOrder(query.sort), skip: offset, take: query.limit }),
  ]);
  const next = offset + lines.length;
  return { rows: lines.map(toListRow), total, nextCursor: next < total ? String(next) : null };
}

/** The export's columns: the list's rows as the API names them. */
export const PO_LINE_CSV_COLUMNS = ['id', 'supplier', 'po_number', 'line', 'sku', 'name', 'qty', 'unit', 'promised_date', 'status', 'version'] as const;
const CSV_PAGE = 5_000;

/**
 * Every PO line matching the query, in its sort, as CSV (formula-looking cells
 * escaped): the same rows the list gives page by page. Read from the database a
 * few thousand at a time as the client takes them, so a 200,000-line export holds
 * neither the server's memory nor one long query.
 */
export function poLineCsvStream(query: PoLineListQuery): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const where = lineWhere(query);
  const orderBy = lineOrder(query.sort);
  let offset = 0;
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(enc.encode(formatCsvLine(PO_LINE_CSV_COLUMNS)));
    },
    async pull(controller) {
      if (done) return;
      const prisma = await getPrisma();
      const lines = await prisma.purchaseOrderLine.findMany({ where, include: LINE_INCLUDE, orderBy, skip: offset, take: CSV_PAGE });
      offset += lines.length;
      const text = lines
        .map(toListRow)
        .map((r) => formatCsvLine([String(r.id), r.supplier, r.poNumber, String(r.lineNo), r.sku, r.itemName, r.qty, r.unit, r.promisedDate, r.status, String(r.version)]))
        .join('');
      if (text) controller.enqueue(enc.encode(text));
      if (lines.length < CSV_PAGE) {
        done = true;
        controller.close();
      }
    },
  });
}
