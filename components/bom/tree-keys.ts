import { parentKey, type TreeNode } from '@/lib/bom/tree';

// Keyboard of the BOM tree, as the WAI-ARIA tree pattern has it: Up/Down move through
// the nodes shown, Right opens a node (or steps into it), Left closes it (or steps out to
// its parent), Home/End jump, Enter opens or closes. Pure, so it is tested without a browser.

export type TreeMove = { focus: string } | { expand: string } | { collapse: string };

export function treeKeyMove(key: string, visible: readonly TreeNode[], expanded: ReadonlySet<string>, focused: string): TreeMove | null {
  const i = visible.findIndex((n) => n.key === focused);
  const node = visible[i];
  if (!node) return visible[0] ? { focus: visible[0].key } : null;
  const open = expanded.has(node.key);
  const hasChildren = node.children.length > 0;
  switch (key) {
    case 'ArrowDown':
      return i + 1 < visible.length ? { focus: visible[i + 1]!.key } : null;
    case 'ArrowUp':
      return i > 0 ? { focus: visible[i - 1]!.key } : null;
    case 'Home':
      return { focus: visible[0]!.key };
    case 'End':
      return { focus: visible[visible.length - 1]!.key };
    case 'ArrowRight':
      if (!hasChildren) return null;
      return open ? { focus: node.children[0]!.key } : { expand: node.key };
    case 'ArrowLeft': {
      if (hasChildren && open) return { collapse: node.key };
      const parent = parentKey(node.key);
      return parent ? { focus: parent } : null;
    }
    case 'Enter':
      if (!hasChildren) return null;
      return open ? { collapse: node.key } : { expand: node.key };
    default:
      return null;
  }
}
