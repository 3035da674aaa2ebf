import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { fetchBomModel } from './model';
import { buildCapacityTrees, type CapacityTree } from './tree';

/** Every capacity item's BOM tree, from the app's database. */
export async function fetchCapacityTrees(): Promise<CapacityTree[]> {
  const { items, recipes } = await fetchBomModel(await getPrisma());
  return buildCapacityTrees(items, recipes);
}
