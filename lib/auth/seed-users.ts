import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Role } from './roles';
import { createUser } from './users';

/**
 * The demo's people, one per role. These are fixed, published demo credentials
 * for a local demo database only — never a deployment's: create real accounts
 * in Admin → Users and remove these.
 */
export const DEMO_PASSWORD = 'clearbuild-demo';
export const DEMO_USERS: { name: string; email: string; role: Role }[] = [
  { name: 'Ada Admin', email: 'admin@clearbuild.demo', role: 'admin' },
  { name: 'Pat Procurement', email: 'procurement@clearbuild.demo', role: 'procurement' },
  { name: 'Eve Executive', email: 'executive@clearbuild.demo', role: 'executive' },
];

/** Adds the demo users that are missing (seeding twice changes nothing); returns those it created. */
export async function seedDemoUsers(prisma: PrismaClient, actor = 'demo-seed'): Promise<typeof DEMO_USERS> {
  const created: typeof DEMO_USERS = [];
  for (const u of DEMO_USERS) {
    if (await createUser(prisma, { ...u, password: DEMO_PASSWORD }, actor)) created.push(u);
  }
  return created;
}
