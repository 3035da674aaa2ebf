import type { Metadata } from 'next';
import { SimpleTable } from '@/components/ui/simple-table';
import { formatQuantity } from '@/components/ui/format';
import { fetchRecipes } from '@/lib/catalog/queries';
import { requireRole } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Bill of materials' };

export default async function BomPage() {
  await requireRole('/bom');
  const recipes = await fetchRecipes();
  return (
    <>
      <h1>Bill of materials</h1>
      <p className="lede">{recipes.length} recipes: what each build consumes, how long it takes and how many can start per week.</p>
      <SimpleTable
        caption="Recipes"
        rows={recipes}
        rowKey={(r) => r.id}
        empty="No recipes yet. Import recipes and bom CSVs."
        columns={[
          {
            header: 'Output',
            cell: (r) => (
              <>
                <code>{r.outputSku}</code>
                <div className="muted small">{r.outputName}</div>
              </>
            ),
          },
          { header: 'Output per build', numeric: true, cell: (r) => formatQuantity(r.outputQty) },
          { header: 'Lead time (days)', numeric: true, cell: (r) => r.leadTimeDays },
          { header: 'Max starts / week', numeric: true, cell: (r) => r.maxStartsPerWeek ?? <span className="muted">no limit</span> },
          {
            header: 'Components per build',
            cell: (r) => (
              <ul className="components">
                {r.components.map((c) => (
                  <li key={c.sku}>
                    <span className="qty">
                      {formatQuantity(c.qtyPerBuild)} {c.unit}
                    </span>{' '}
                    <code>{c.sku}</code>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
