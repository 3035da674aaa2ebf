import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { jsonError } from '@/lib/auth/guard';
import { getDatabase } from '@/lib/db/client';
import { csvHeaders, fetchListPage, listCsvStream } from './list';
import { parseListQuery } from './query';
import type { TableDef } from './types';

/**
 * The body of every list endpoint (`GET /api/<table>`): `{ rows, total, nextCursor }`,
 * or with `format=csv` every matching row in the same sort; 400 naming bad parameters.
 */
export async function listResponse(def: TableDef, request: NextRequest): Promise<Response> {
  const parsed = parseListQuery(def, request.nextUrl.searchParams);
  if (!parsed.ok) return jsonError(400, 'Bad query parameters.', { issues: parsed.issues });
  if (parsed.query.format === 'csv') return new Response(listCsvStream(getDatabase, def, parsed.query), { headers: csvHeaders(def) });
  return NextResponse.json(await fetchListPage(await getDatabase(), def, parsed.query));
}
