import 'server-only';
import { getPrisma } from '@/lib/db/client';

/** How many items and recipes there are: the Items and Bill of materials pages' headlines. */
export async function fetchCatalogCounts(): Promise<{ items: number; recipes: number; recipeLines: number }> {
  const prisma = await getPrisma();
  const [items, recipes, recipeLines] = await Promise.all([prisma.item.count(), prisma.recipe.count(), prisma.recipeLine.count()]);
  return { items, recipes, recipeLines };
}
