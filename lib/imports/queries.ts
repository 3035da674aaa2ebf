import 'server-only';
import { getPrisma } from '@/lib/db/client';

export interface ImportBatchRow {
  id: number;
  kind: string;
  supplier: string | null;
  filename: string;
  sha256: string;
  rowCount: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  status: string;
  actor: string;
  createdAt: string;
}

export async function fetchImportBatches(): Promise<ImportBatchRow[]> {
  const prisma = await getPrisma();
  const batches = await prisma.importBatch.findMany({
    orderBy: { id: 'desc' },
    take: 500,
    include: { supplier: { select: { code: true } } },
  });
  return batches.map((b) => ({
    id: b.id,
    kind: b.kind,
    supplier: b.supplier?.code ?? null,
    filename: b.filename,
    sha256: b.sha256,
    rowCount: b.rowCount,
    createdCount: b.createdCount,
    updatedCount: b.updatedCount,
    unchangedCount: b.unchangedCount,
    status: b.status,
    actor: b.actor,
    createdAt: b.createdAt.toISOString(),
  }));
}
