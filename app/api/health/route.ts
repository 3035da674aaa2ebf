import { NextResponse } from 'next/server';
import { getPrisma } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** Ready when the database is open and migrated: load balancers and the e2e runner wait on it. */
export async function GET() {
  try {
    const prisma = await getPrisma();
    await prisma.$queryRaw`SELECT 1`;
    return NextResponse.json({ status: 'ok' });
  } catch {
    return NextResponse.json({ status: 'unavailable' }, { status: 503 });
  }
}
