import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { dateText, decimalText } from '@/lib/db/value-text';

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

export async function fetchPoLines(page = 1): Promise<PoLinePage> {
  const prisma = await getPrisma();
  const [total, open] = await Promise.all([prisma.purchaseOrderLine.count(), prisma.purchaseOrderLine.count({ where: { status: 'open' } })]);
  const pages = Math.max(1, Math.ceil(total / PO_PAGE_SIZE));
  const current = Math.max(1, Math.floor(page) || 1);
  // A page past the end is said to be so (the page shows it), never silently page 1.
  if (current > pages) return { rows: [], total, open, page: current, pages };
  const lines = await prisma.purchaseOrderLine.findMany({
    include: {
      item: { select: { sku: true, name: true, unit: true } },
      purchaseOrder: { select: { poNumber: true, supplier: { select: { code: true } } } },
    },
    orderBy: [{ promisedDate: 'asc' }, { id: 'asc' }],
    skip: (current - 1) * PO_PAGE_SIZE,
    take: PO_PAGE_SIZE,
  });
  const rows = lines.map((l) => ({
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
  }));
  return { rows, total, open, page: current, pages };
}
