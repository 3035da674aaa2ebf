'use client';

import type { ReactNode } from 'react';
import styles from './imports.module.css';

type SortDirection = false | 'asc' | 'desc';

/**
 * A column header that sorts when clicked: a real button inside the <th>, and
 * aria-sort on the <th> so assistive technology (and tests) read the order.
 */
export function SortHeader({
  label,
  sorted,
  canSort,
  onToggle,
  numeric,
}: {
  label: ReactNode;
  sorted: SortDirection;
  canSort: boolean;
  onToggle: ((event: unknown) => void) | undefined;
  numeric?: boolean;
}) {
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={canSort ? ariaSort : undefined}>
      {canSort ? (
        <button type="button" className={styles.sortButton} onClick={onToggle}>
          {label}
          <span aria-hidden="true" className={styles.sortMark}>
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}

interface SortableHeader {
  id: string;
  column: { id: string; getIsSorted(): SortDirection; getCanSort(): boolean; getToggleSortingHandler(): ((event: unknown) => void) | undefined };
}

/** The <thead> of a sortable table: one SortHeader per column; the `numericColumn` is right-aligned. */
export function SortableHead<H extends SortableHeader>({
  groups,
  render,
  numericColumn,
}: {
  groups: { id: string; headers: H[] }[];
  render: (header: H) => ReactNode;
  numericColumn?: string;
}) {
  return (
    <thead>
      {groups.map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => (
            <SortHeader
              key={header.id}
              label={render(header)}
              sorted={header.column.getIsSorted()}
              canSort={header.column.getCanSort()}
              onToggle={header.column.getToggleSortingHandler()}
              numeric={header.column.id === numericColumn}
            />
          ))}
        </tr>
      ))}
    </thead>
  );
}
