import type { ModelRows } from '@/lib/forecast/load-model';
import type { RowEvent, Values } from './types';

const str = (v: Values[string] | undefined) => (v == null ? '' : String(v));
const num = (v: Values[string] | undefined) => (v == null ? 0 : Number(v));

/**
 * The engine's input rows as they would be with these row events committed: the forecast's
 * "after" without writing anything. Returns new arrays; `rows` is not changed.
 */
export function applyEventsToModelRows(rows: ModelRows, events: readonly RowEvent[]): ModelRows {
  // Keyed copies (Map keeps the rows' order; a new row goes last): 10,000 events over 200,000 lines stay linear.
  const keyed = <T>(list: readonly T[], key: (r: T) => string) => new Map(list.map((r) => [key(r), r] as const));
  const poKey = (supplier: string, poNumber: string, lineNo: number) => `${supplier}\u0000${poNumber}\u0000${lineNo}`;
  const items = keyed(rows.items, (i) => i.sku);
  const recipes = keyed(rows.recipes, (r) => r.sku);
  const components = keyed(rows.components, (c) => `${c.recipeId}\u0000${c.sku}`);
  const inventory = keyed(rows.inventory, (b) => `${b.sku}\u0000${b.location}`);
  const poLines = keyed(rows.poLines, (l) => poKey(l.supplier, l.poNumber, l.lineNo));
  const put = <T>(map: Map<string, T>, key: string, next: T | null) => {
    if (next) map.set(key, next);
    else map.delete(key);
  };
  // Parents first, so a new recipe's lines find it.
  const order = ['item', 'recipe', 'recipeLine', 'inventoryBalance', 'purchaseOrderLine'];
  const sorted = events.filter((e) => order.includes(e.entity)).sort((a, b) => order.indexOf(a.entity) - order.indexOf(b.entity));
  for (const e of sorted) {
    const v = (e.after ?? e.before)!;
    switch (e.entity) {
      case 'item':
        put(items, str(v.sku), e.after && {
          sku: str(v.sku), name: str(v.name), category: str(v.category), unit: str(v.unit), site: v.site == null ? null : String(v.site), gpus: num(v.gpusOnlinePerUnit),
        });
        break;
      case 'recipe': {
        const existing = recipes.get(str(v.outputSku));
        const max = v.maxStartsPerWeek == null ? null : num(v.maxStartsPerWeek);
        put(recipes, str(v.outputSku), e.after && { id: existing?.id ?? e.id, sku: str(v.outputSku), qty: str(v.outputQty), lead: num(v.leadTimeDays), max });
        if (!e.after && existing) for (const [k, c] of components) if (c.recipeId === existing.id) components.delete(k);
        break;
      }
      case 'recipeLine': {
        const recipe = recipes.get(str(v.outputSku));
        if (!recipe) break;
        put(components, `${recipe.id}\u0000${str(v.componentSku)}`, e.after && { recipeId: recipe.id, sku: str(v.componentSku), qty: str(v.qtyPerBuild) });
        break;
      }
      case 'inventoryBalance':
        put(inventory, `${str(v.sku)}\u0000${str(v.location)}`, e.after && { sku: str(v.sku), location: str(v.location), onHand: str(v.onHand) });
        break;
      case 'purchaseOrderLine': {
        // Only open lines are supply (DESIGN.md): a received or cancelled line leaves the model.
        const open = e.after !== null && e.after.status === 'open';
        put(poLines, poKey(str(v.supplier), str(v.poNumber), num(v.lineNo)), open ? {
          supplier: str(v.supplier), poNumber: str(v.poNumber), lineNo: num(v.lineNo), sku: str(v.sku), qty: str(v.qty), promisedDate: str(v.promisedDate), status: 'open',
        } : null);
        break;
      }
      default:
        break;
    }
  }
  return {
    items: [...items.values()],
    recipes: [...recipes.values()],
    components: [...components.values()],
    inventory: [...inventory.values()],
    poLines: [...poLines.values()],
    targets: rows.targets,
  };
}
