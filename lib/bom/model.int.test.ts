import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { DEMO_RECIPES } from '@/lib/demo/bom';
import { seedDemo } from '@/lib/imports/seed-demo';
import { fetchBomModel } from './model';
import { buildCapacityTrees, walk } from './tree';

// The tree read from the database the demo was seeded into, against an oracle written
// straight from the demo's recipe specs (lib/demo/bom.ts): per unit of output, the
// component's quantity per build over the output per build, multiplied down every path.

function oracle(sku: string, perUnit: Decimal, lead: number, path: string[], out: Map<string, { perUnit: Decimal; lead: number }>) {
  const recipe = DEMO_RECIPES.find((r) => r.output === sku);
  const here = lead + (recipe?.leadTimeDays ?? 0);
  const key = [...path, sku].join(' > ');
  out.set(key, { perUnit, lead: here });
  for (const c of recipe?.components ?? []) oracle(c.sku, perUnit.times(String(c.qty)).div(recipe!.outputQty), here, [...path, sku], out);
}

const fractionValue = (f: string) => {
  const [num, den = '1'] = f.split('/');
  return new Decimal(num!).div(den);
};

for (const kind of testDatabaseKinds()) {
  describe(`the BOM tree from the demo on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    beforeAll(async () => {
      env = await kind.create();
      await seedDemo(env.db, '2026-11-23');
    });
    afterAll(async () => env?.dispose());

    it("gives every node of every capacity item's tree the demo's quantity per unit and lead time to online", async () => {
      const { items, recipes } = await fetchBomModel(env.db.prisma);
      const trees = buildCapacityTrees(items, recipes);
      expect(trees.map((t) => t.root.sku)).toEqual(['NODE-ONLINE-DSM2', 'NODE-ONLINE-PHX1']);
      for (const t of trees) {
        const expected = new Map<string, { perUnit: Decimal; lead: number }>();
        oracle(t.root.sku, new Decimal(1), 0, [], expected);
        const nodes = walk(t.root);
        expect(nodes.map((n) => n.key).sort()).toEqual([...expected.keys()].sort());
        for (const n of nodes) {
          const want = expected.get(n.key)!;
          // The fraction is exact; the oracle's decimal.js division is to 20 significant digits.
          expect(fractionValue(n.perCapacityUnit.fraction).minus(want.perUnit).abs().lessThan('1e-15'), `${n.key}: ${n.perCapacityUnit.fraction} vs ${want.perUnit}`).toBe(true);
          if (n.perCapacityUnit.exact) expect(n.perCapacityUnit.text, n.key).toBe(want.perUnit.toFixed());
          expect(n.cumulativeLeadTimeDays, n.key).toBe(want.lead);
        }
        expect(nodes.find((n) => n.sku === 'A100-SXM4-80G')?.perCapacityUnit.text).toBe('8');
      }
    });

    it('carries the ids and versions a change set names', async () => {
      const model = await fetchBomModel(env.db.prisma);
      const dgx = model.recipes.find((r) => r.outputSku === 'DGX-A100')!;
      const stored = await env.db.prisma.recipe.findUniqueOrThrow({ where: { id: dgx.id }, include: { lines: true } });
      expect(dgx.version).toBe(stored.version);
      expect(dgx.lines.map((l) => l.id).sort()).toEqual(stored.lines.map((l) => l.id).sort());
      expect(dgx.lines.every((l) => l.version >= 1)).toBe(true);
    });
  });
}
