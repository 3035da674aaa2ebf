import type { Pool } from 'pg';
import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * Read-only statements written as SQL text (the tables' pages and counts), rows as
 * plain objects. On PostgreSQL they run on the pool Prisma's driver adapter uses:
 * Prisma's raw-query path asks for rows as arrays, then rebuilds every row and maps
 * every value through its own result types, work the list statements never need
 * because they select only text, integers and booleans (decimals and dates as text),
 * which `pg` returns as the same JSON values. The embedded PGlite keeps Prisma's path.
 */
export interface SqlReader {
  query<T>(text: string, values: readonly (string | number)[]): Promise<T[]>;
}

/** Statements on the app's own PostgreSQL pool (the one Prisma's adapter was given): no second pool. */
export function poolReader(pool: Pool): SqlReader {
  return {
    async query<T>(text: string, values: readonly (string | number)[]) {
      return (await pool.query(text, values as unknown[])).rows as T[];
    },
  };
}

/** Statements through Prisma (`$queryRawUnsafe`): the embedded database's path. */
export function prismaReader(prisma: Pick<PrismaClient, '$queryRawUnsafe'>): SqlReader {
  return {
    query<T>(text: string, values: readonly (string | number)[]) {
      return prisma.$queryRawUnsafe<T[]>(text, ...values);
    },
  };
}
