import { NextResponse, type NextRequest } from 'next/server';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { fetchPoLineList, poLineCsvStream } from '@/lib/purchase-orders/queries';
import { poLineListQuerySchema } from '@/lib/validation/purchase-order-line-query';

export const dynamic = 'force-dynamic';

/**
 * GET /api/purchase-order-lines?supplier=&poNumber=&status=&sku=&q=&promisedFrom=&promisedTo=&sort=promisedDate:asc,qty:desc&limit=&cursor=
 * → { rows, total, nextCursor }; `format=csv` streams every matching row, in the same sort, as CSV.
 */
export const GET = withAuth('GET /api/purchase-order-lines', async (request: NextRequest) => {
  const parsed = poLineListQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return jsonError(400, 'Bad query parameters.', { issues: parsed.error.issues });
  if (parsed.data.format === 'csv') {
    return new Response(poLineCsvStream(parsed.data), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="purchase-order-lines.csv"',
        'Cache-Control': 'no-store',
      },
    });
  }
  return NextResponse.json(await fetchPoLineList(parsed.data));
});
