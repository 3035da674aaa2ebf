'use client';

import { useState, type FormEvent } from 'react';
import type { Change } from '@/components/data-grid/contract';
import type { TreeNode } from '@/lib/bom/tree';
import { buildNodeChanges, nodeEditOf, type NodeEdit } from './node-changes';
import styles from './bom-tree.module.css';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * The focused node: what one capacity unit takes of it, its recipe, and (procurement) its
 * quantity per build, lead time and weekly limit as one change set, previewed (errors, diff,
 * the forecast's change) by `onPreview` before it is saved.
 */
export function NodePanel({ node, root, canEdit, onPreview }: { node: TreeNode; root: TreeNode; canEdit: boolean; onPreview: (changes: Change[]) => void }) {
  const [edit, setEdit] = useState<NodeEdit>(() => nodeEditOf(node));
  const changes = buildNodeChanges(node, edit);
  const field = (k: keyof NodeEdit) => ({ value: edit[k], onChange: (e: { target: { value: string } }) => setEdit((s) => ({ ...s, [k]: e.target.value })) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changes.length > 0) onPreview(changes);
  };

  return (
    <section className={styles.panel} aria-labelledby="bom-node-title">
      <h2 id="bom-node-title">{node.sku}</h2>
      <dl className={styles.facts}>
        <dt>Item</dt>
        <dd>{node.name}</dd>
        <dt>Per {root.sku}</dt>
        <dd>
          {node.perCapacityUnit.text} {node.unit}
          {node.perCapacityUnit.exact ? '' : ` (rounded; exactly ${node.perCapacityUnit.fraction})`}
        </dd>
        <dt>Made by</dt>
        <dd>{node.recipe ? `a recipe making ${node.recipe.outputQty} per build` : 'nothing: a purchased part'}</dd>
        <dt>To online</dt>
        <dd>{days(node.cumulativeLeadTimeDays)}, at the least</dd>
      </dl>
      {canEdit && (node.line || node.recipe) ? (
        <form className={styles.editor} onSubmit={submit} aria-label={`Edit ${node.sku}`}>
          {node.line ? (
            <label>
              Quantity per build of {node.line.outputSku}
              <input inputMode="decimal" autoComplete="off" {...field('qtyPerBuild')} />
            </label>
          ) : null}
          {node.recipe ? (
            <>
              <label>
                Lead time (days)
                <input inputMode="numeric" autoComplete="off" {...field('leadTimeDays')} />
              </label>
              <label>
                Weekly limit (builds started)
                <input inputMode="numeric" autoComplete="off" aria-describedby="bom-limit-hint" {...field('maxStartsPerWeek')} />
                <span id="bom-limit-hint" className={styles.hint}>
                  Blank: no limit. Applies wherever {node.sku} is built.
                </span>
              </label>
            </>
          ) : null}
          <button type="submit" disabled={changes.length === 0}>
            Preview change
          </button>
        </form>
      ) : null}
    </section>
  );
}
