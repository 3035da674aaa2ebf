import { BomTabs } from '@/components/bom/bom-tabs';
import { fetchCatalogCounts } from '@/lib/catalog/queries';

/** The Bill of materials pages' heading, counts and view tabs (tree, lines). */
export async function BomHeading() {
  const counts = await fetchCatalogCounts();
  return (
    <>
      <h1>Bill of materials</h1>
      <p className="lede">
        {counts.recipes} recipes: what each build consumes ({counts.recipeLines} component lines), how long it takes and how many can start per week.
      </p>
      <BomTabs />
    </>
  );
}
