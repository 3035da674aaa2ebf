import { NextResponse, type NextRequest } from 'next/server';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { fetchPoLineList } from '@/lib/purchase-orders/queries';
import { poLineListQuerySchema } from '@/lib/validation/purchase-order-line-query';

export const dynamic = 'force-dynamic';

/** GET /api/purchase-order-lines?supplier=&poNumber=&status=&sku=&q=&limit=&cursor= → { rows, total, nextCursor }. */
export const GET = withAuth('GET /api/purchase-order-lines', async (request: NextRequest) => {
  const parsed = poLineListQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return jsonError(400, 'Bad query parameters.', { issues: parsed.error.issues });
  return NextResponse.json(await fetchPoLineList(parsed.data));
});
