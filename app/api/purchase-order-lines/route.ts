import type { NextRequest } from 'next/server';
import { withAuth } from '@/lib/auth/guard';
import { TABLES } from '@/lib/tables/definitions';
import { listResponse } from '@/lib/tables/list-response';

export const dynamic = 'force-dynamic';

/**
 * GET /api/purchase-order-lines?supplier=&poNumber=&status=&sku=&q=&promisedFrom=&promisedTo=&qtyMin=&qtyMax=&firstPromisedFrom=&firstPromisedTo=&slipDaysMin=&slipDaysMax=&receivedFrom=&receivedTo=&receivedQtyMin=&receivedQtyMax=&sort=promisedDate:asc,qty:desc&limit=&cursor=
 * → { rows, total, nextCursor } (each row: id, supplier, poNumber, lineNo, sku, itemName, qty, unit, promisedDate, status, version,
 * firstPromisedDate, slipDays, receivedDate, receivedQty); `format=csv` streams every matching row, in the same sort, as CSV.
 */
export const GET = withAuth('GET /api/purchase-order-lines', (request: NextRequest) => listResponse(TABLES['purchase-order-lines'], request));
