'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { ChangeDialog } from '@/components/data-grid/change-dialog';
import { useChangeFlow } from '@/components/data-grid/use-change-flow';
import { TABLES } from '@/lib/tables/definitions';
import { visibleNodes, walk, type CapacityTree, type TreeNode } from '@/lib/bom/tree';
import { NodePanel } from './node-panel';
import { treeKeyMove } from './tree-keys';
import styles from './bom-tree.module.css';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** What a screen reader says for a node: its SKU first (what people search by), then the figures the row shows. */
export function nodeLabel(node: TreeNode, root: TreeNode): string {
  const qty = `${node.perCapacityUnit.exact ? '' : 'about '}${node.perCapacityUnit.text} ${node.unit} per ${root.sku}`.replace(/\s+/g, ' ');
  const recipe = node.recipe
    ? `; built in ${days(node.recipe.leadTimeDays)}${node.recipe.maxStartsPerWeek === null ? '' : `, at most ${node.recipe.maxStartsPerWeek} a week`}`
    : '; purchased';
  return `${node.sku} — ${qty}${recipe}; ${days(node.cumulativeLeadTimeDays)} to online`;
}

function Quantity({ q }: { q: TreeNode['perCapacityUnit'] }) {
  return q.exact ? (
    <>{q.text}</>
  ) : (
    <span title={`exactly ${q.fraction}`}>
      <span className={styles.approx}>≈</span>
      {q.text}
    </span>
  );
}

interface ItemProps {
  node: TreeNode;
  root: TreeNode;
  expanded: ReadonlySet<string>;
  focused: string;
  register: (key: string, el: HTMLLIElement | null) => void;
  onPick: (key: string) => void;
  onToggle: (key: string) => void;
}

function TreeItem({ node, root, expanded, focused, register, onPick, onToggle }: ItemProps) {
  const open = expanded.has(node.key);
  const hasChildren = node.children.length > 0;
  return (
    <li
      ref={(el) => register(node.key, el)}
      role="treeitem"
      aria-level={node.depth + 1}
      aria-expanded={hasChildren ? open : undefined}
      aria-selected={focused === node.key}
      aria-label={nodeLabel(node, root)}
      tabIndex={focused === node.key ? 0 : -1}
      className={styles.item}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onPick(node.key);
      }}
    >
      <div
        className={styles.row}
        style={{ '--depth': node.depth } as CSSProperties}
        onClick={(e) => {
          e.stopPropagation();
          onPick(node.key);
          if (hasChildren) onToggle(node.key);
        }}
      >
        <span className={styles.name}>
          <span className={styles.toggle} aria-hidden="true">
            {hasChildren ? (open ? '▾' : '▸') : node.cycle ? '↻' : '·'}
          </span>
          <strong>{node.sku}</strong>
          <small>{node.name}</small>
        </span>
        <span className={styles.num}>
          <Quantity q={node.perCapacityUnit} /> {node.unit}
        </span>
        <span className={styles.num} data-label="Per build">
          {node.line ? <span title={`${node.line.qtyPerBuild} per build of ${node.line.outputSku}`}>{node.line.qtyPerBuild}</span> : ''}
        </span>
        <span className={styles.num} data-label="Lead time">
          {node.recipe ? days(node.recipe.leadTimeDays) : <span className={styles.purchased}>purchased</span>}
        </span>
        <span className={styles.num} data-label="Weekly limit">
          {node.recipe ? (node.recipe.maxStartsPerWeek ?? 'none') : ''}
        </span>
        <span className={styles.num} data-label="To online">
          {days(node.cumulativeLeadTimeDays)}
        </span>
      </div>
      {hasChildren && open ? (
        <ul role="group" className={styles.group}>
          {node.children.map((c) => (
            <TreeItem key={c.key} node={c} root={root} expanded={expanded} focused={focused} register={register} onPick={onPick} onToggle={onToggle} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * Each capacity item's bill of materials as a tree (the WAI-ARIA tree pattern: one tab
 * stop, arrows move, Right and Left open and close), and beside it the focused node's
 * figures with, for procurement, its edit as a previewed change set.
 */
export function BomTree({ trees, canEdit }: { trees: CapacityTree[]; canEdit: boolean }) {
  const roots = useMemo(() => trees.map((t) => t.root), [trees]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(roots.map((r) => r.key)));
  const [focused, setFocused] = useState<string>(() => roots[0]?.key ?? '');
  const items = useRef(new Map<string, HTMLLIElement>());
  const moved = useRef(false);
  const router = useRouter();
  const [announcement, setAnnouncement] = useState('');
  // Saved edits reload the page's data from the server; the tree keeps what is open and focused.
  const flow = useChangeFlow({ onCommitted: () => router.refresh(), announce: setAnnouncement });

  const shown = useMemo(() => visibleNodes(roots, expanded), [roots, expanded]);
  const byKey = useMemo(() => new Map(roots.flatMap((r) => walk(r).map((n) => [n.key, { node: n, root: r }] as const))), [roots]);
  const current = byKey.get(focused) ?? (roots[0] ? { node: roots[0], root: roots[0] } : null);

  const register = useCallback((key: string, el: HTMLLIElement | null) => {
    if (el) items.current.set(key, el);
    else items.current.delete(key);
  }, []);
  const toggle = useCallback(
    (key: string) =>
      setExpanded((s) => {
        const next = new Set(s);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );

  // Focus follows the keyboard (only after a key moved it, so a page load steals no focus).
  useEffect(() => {
    if (moved.current) items.current.get(focused)?.focus();
    moved.current = false;
  }, [focused]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!(e.target instanceof HTMLLIElement)) return;
    const move = treeKeyMove(e.key, shown, expanded, current?.node.key ?? '');
    if (!move) return;
    e.preventDefault();
    if ('focus' in move) {
      moved.current = true;
      setFocused(move.focus);
    } else if ('expand' in move) setExpanded((s) => new Set([...s, move.expand]));
    else toggle(move.collapse);
  };

  // Ctrl+Z / Ctrl+Shift+Z undo and redo the person's own change sets, as in the tables (not while typing).
  const onLayoutKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || e.target instanceof HTMLInputElement || !canEdit) return;
    e.preventDefault();
    void (e.shiftKey ? flow.redo() : flow.undo());
  };

  if (roots.length === 0) return <p className="alert info">No capacity items yet: an item with GPUs online per unit above 0 and a recipe makes a tree here.</p>;

  return (
    <>
      <p className={styles.status} role="status" aria-live="polite">
        {announcement}
      </p>
      <ChangeDialog flow={flow} />
      <div className={styles.layout} onKeyDown={onLayoutKeyDown}>
        <div className={styles.treeBox}>
          <div className={styles.legend} aria-hidden="true">
            <span>Item</span>
            <span>Per capacity unit</span>
            <span>Qty per build</span>
            <span>Lead time</span>
            <span>Weekly limit</span>
            <span>To online</span>
          </div>
          <ul role="tree" aria-label="Bill of materials by capacity item" className={styles.tree} onKeyDown={onKeyDown}>
            {roots.map((r) => (
              <TreeItem key={r.key} node={r} root={r} expanded={expanded} focused={current?.node.key ?? ''} register={register} onPick={setFocused} onToggle={toggle} />
            ))}
          </ul>
        </div>
        {current ? (
          <NodePanel
            key={`${current.node.key}@${current.node.line?.version ?? ''}/${current.node.recipe?.version ?? ''}`}
            node={current.node}
            root={current.root}
            canEdit={canEdit}
            onPreview={(changes) => flow.start(TABLES['bom-lines'], changes, 'edit', [])}
          />
        ) : null}
      </div>
    </>
  );
}
