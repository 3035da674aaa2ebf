import { dividedBy, formatRatio, ONE, ratioOf, times, type QuantityText, type Ratio } from './ratio';

// Each capacity item's bill of materials as a tree down to purchased parts (items no
// recipe makes). Pure: the page loads the rows (lib/bom/queries.ts), this does the math.
//
// A recipe makes `outputQty` units from `qtyPerBuild` of each component, so one unit of
// its output takes qtyPerBuild / outputQty of the component; multiplied down the path, that
// is the component's quantity per capacity unit. A part used on two paths (cables in the
// rack and in the fabric) shows on each, with that path's quantity.

export interface BomItem {
  sku: string;
  name: string;
  unit: string;
  gpusOnlinePerUnit: number;
}

export interface BomRecipeLine {
  id: number;
  version: number;
  componentSku: string;
  /** Decimal string. */
  qtyPerBuild: string;
}

export interface BomRecipe {
  id: number;
  version: number;
  outputSku: string;
  /** Decimal string. */
  outputQty: string;
  leadTimeDays: number;
  maxStartsPerWeek: number | null;
  lines: BomRecipeLine[];
}

export interface TreeNode {
  /** The path of SKUs from the capacity item, joined by " > ": unique in the tree. */
  key: string;
  sku: string;
  name: string;
  unit: string;
  depth: number;
  /** How much of this item one unit of the capacity item takes, through this path. */
  perCapacityUnit: QuantityText;
  /** The recipe line that brings this node into its parent's build (null at the root). */
  line: (BomRecipeLine & { outputSku: string }) | null;
  /** The recipe that makes this item; null for a purchased part. */
  recipe: Omit<BomRecipe, 'lines' | 'outputSku'> | null;
  /**
   * Days from this node's build starting (a purchased part: arriving) to the capacity unit
   * coming online, at the least: the lead times of its own recipe and of every recipe above it.
   */
  cumulativeLeadTimeDays: number;
  /** The item is already an ancestor on this path: the recipes loop, so the tree stops here. */
  cycle: boolean;
  children: TreeNode[];
}

export interface CapacityTree {
  root: TreeNode;
  gpusOnlinePerUnit: number;
}

const fallbackItem = (sku: string): BomItem => ({ sku, name: sku, unit: '', gpusOnlinePerUnit: 0 });

/** Every capacity item (gpusOnlinePerUnit > 0) as a tree, by SKU; components in SKU order. */
export function buildCapacityTrees(items: readonly BomItem[], recipes: readonly BomRecipe[]): CapacityTree[] {
  const itemBySku = new Map(items.map((i) => [i.sku, i]));
  const recipeBySku = new Map(recipes.map((r) => [r.outputSku, r]));

  const node = (sku: string, perUnit: Ratio, line: TreeNode['line'], parentLead: number, ancestors: readonly string[]): TreeNode => {
    const item = itemBySku.get(sku) ?? fallbackItem(sku);
    const recipe = recipeBySku.get(sku) ?? null;
    const cycle = ancestors.includes(sku);
    const cumulativeLeadTimeDays = parentLead + (recipe && !cycle ? recipe.leadTimeDays : 0);
    const path = [...ancestors, sku];
    const children =
      recipe && !cycle
        ? [...recipe.lines]
            .sort((a, b) => (a.componentSku < b.componentSku ? -1 : a.componentSku > b.componentSku ? 1 : 0))
            .map((l) =>
              node(
                l.componentSku,
                times(perUnit, dividedBy(ratioOf(l.qtyPerBuild), ratioOf(recipe.outputQty))),
                { ...l, outputSku: sku },
                cumulativeLeadTimeDays,
                path,
              ),
            )
        : [];
    return {
      key: path.join(' > '),
      sku,
      name: item.name,
      unit: item.unit,
      depth: ancestors.length,
      perCapacityUnit: formatRatio(perUnit),
      line,
      recipe: recipe ? { id: recipe.id, version: recipe.version, outputQty: recipe.outputQty, leadTimeDays: recipe.leadTimeDays, maxStartsPerWeek: recipe.maxStartsPerWeek } : null,
      cumulativeLeadTimeDays,
      cycle,
      children,
    };
  };

  return items
    .filter((i) => i.gpusOnlinePerUnit > 0)
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .map((i) => ({ root: node(i.sku, ONE, null, 0, []), gpusOnlinePerUnit: i.gpusOnlinePerUnit }));
}

/** Every node of a tree, depth first in display order. */
export function walk(root: TreeNode): TreeNode[] {
  return [root, ...root.children.flatMap(walk)];
}

/** The nodes shown when `expanded` holds the keys of the open nodes, in display order. */
export function visibleNodes(roots: readonly TreeNode[], expanded: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (n: TreeNode) => {
    out.push(n);
    if (expanded.has(n.key)) n.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

/** The key of a node's parent (null for a root). */
export function parentKey(key: string): string | null {
  const i = key.lastIndexOf(' > ');
  return i < 0 ? null : key.slice(0, i);
}
