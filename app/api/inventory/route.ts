import type { NextRequest } from 'next/server';
import { withAuth } from '@/lib/auth/guard';
import { TABLES } from '@/lib/tables/definitions';
import { listResponse } from '@/lib/tables/list-response';

export const dynamic = 'force-dynamic';

/** GET /api/inventory: the list query language of lib/tables/query.ts → { rows, total, nextCursor }, or `format=csv`. */
export const GET = withAuth('GET /api/inventory', (request: NextRequest) => listResponse(TABLES['inventory'], request));
