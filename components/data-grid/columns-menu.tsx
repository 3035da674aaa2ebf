'use client';

import type { TableSettings } from '@/lib/tables/preferences';
import type { TableDef } from '@/lib/tables/types';
import type { GridTable } from './grid-features';
import styles from './data-grid.module.css';

/** Show, hide, pin and reorder columns (widths are dragged in the header); remembered per person. */
export function ColumnsMenu({
  def,
  table,
  layout,
  onReset,
}: {
  def: TableDef;
  table: GridTable;
  layout: TableSettings;
  onReset: () => void;
}) {
  const order = layout.columnOrder;
  const move = (key: string, by: -1 | 1) => {
    const i = order.indexOf(key);
    const j = i + by;
    if (i < 0 || j < 0 || j >= order.length) return;
    const next = [...order];
    [next[i], next[j]] = [next[j]!, next[i]!];
    table.setColumnOrder(next);
  };
  return (
    <details className={styles.menu}>
      <summary className="button secondary">Columns</summary>
      <div className={styles.menuPanel} role="group" aria-label="Columns">
        <ul className={styles.columnList}>
          {order.map((key) => {
            const spec = def.columns.find((c) => c.key === key);
            const column = table.getColumn(key);
            if (!spec || !column) return null;
            const pinned = column.getIsPinned() === 'start';
            return (
              <li key={key}>
                <label>
                  <input type="checkbox" checked={column.getIsVisible()} onChange={(e) => column.toggleVisibility(e.target.checked)} /> {spec.label}
                </label>
                <span className={styles.columnButtons}>
                  <button type="button" className="secondary small" aria-pressed={pinned} aria-label={`Pin ${spec.label}`} onClick={() => column.pin(pinned ? false : 'start')}>
                    Pin
                  </button>
                  <button type="button" className="secondary small" aria-label={`Move ${spec.label} left`} onClick={() => move(key, -1)}>
                    ←
                  </button>
                  <button type="button" className="secondary small" aria-label={`Move ${spec.label} right`} onClick={() => move(key, 1)}>
                    →
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
        <button type="button" className="secondary small" onClick={onReset}>
          Reset layout
        </button>
      </div>
    </details>
  );
}
