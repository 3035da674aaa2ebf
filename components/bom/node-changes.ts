import type { Change } from '@/components/data-grid/contract';
import type { TreeNode } from '@/lib/bom/tree';
import { parseCount, parseDecimal } from '@/lib/validation/fields';

/** What the person typed for a node, as text (blank weekly limit = no limit). */
export interface NodeEdit {
  qtyPerBuild: string;
  leadTimeDays: string;
  maxStartsPerWeek: string;
}

export function nodeEditOf(node: TreeNode): NodeEdit {
  return {
    qtyPerBuild: node.line?.qtyPerBuild ?? '',
    leadTimeDays: node.recipe ? String(node.recipe.leadTimeDays) : '',
    maxStartsPerWeek: node.recipe?.maxStartsPerWeek == null ? '' : String(node.recipe.maxStartsPerWeek),
  };
}

/** A count as the contract sends it (a number); anything else goes as typed, for the server to name the error. */
const countValue = (raw: string): string | number => (/^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : raw.trim());

/**
 * The change set for a node's edit: its recipe line's quantity per build, and its recipe's
 * lead time and weekly limit, each at the version the tree was read at. Only what differs
 * from the stored value (compared as the shared field rules normalise it: "1.50" is "1.5").
 */
export function buildNodeChanges(node: TreeNode, edit: NodeEdit): Change[] {
  const changes: Change[] = [];
  if (node.line) {
    const parsed = parseDecimal(edit.qtyPerBuild, { positive: true });
    if (!(parsed.ok && parsed.value === node.line.qtyPerBuild)) {
      changes.push({ entity: 'recipeLine', id: node.line.id, version: node.line.version, set: { qtyPerBuild: edit.qtyPerBuild.trim() } });
    }
  }
  if (node.recipe) {
    const set: Record<string, string | number | null> = {};
    const lead = parseCount(edit.leadTimeDays);
    if (!(lead.ok && lead.value === node.recipe.leadTimeDays)) set.leadTimeDays = countValue(edit.leadTimeDays);
    const limitText = edit.maxStartsPerWeek.trim();
    if (limitText === '') {
      if (node.recipe.maxStartsPerWeek !== null) set.maxStartsPerWeek = null;
    } else {
      const limit = parseCount(limitText, { min: 1 });
      if (!(limit.ok && limit.value === node.recipe.maxStartsPerWeek)) set.maxStartsPerWeek = countValue(limitText);
    }
    if (Object.keys(set).length > 0) changes.push({ entity: 'recipe', id: node.recipe.id, version: node.recipe.version, set });
  }
  return changes;
}
