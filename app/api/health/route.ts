import { NextResponse } from 'next/server';
import { getDatabase } from '@/lib/db/client';
import { engineLoad } from '@/lib/engine/pool';

export const dynamic = 'force-dynamic';

/**
 * Ready when the database is open and migrated (load balancers wait on it), with the
 * forecast engine's load: forecasts queued and running in its worker threads.
 */
export async function GET() {
  try {
    const db = await getDatabase();
    await db.prisma.$queryRaw`SELECT 1`;
    return NextResponse.json({ status: 'ok', engine: engineLoad(db.locals) });
  } catch {
    return NextResponse.json({ status: 'unavailable' }, { status: 503 });
  }
}
