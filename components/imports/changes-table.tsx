'use client';

import { useMemo, useState } from 'react';
import { createColumnHelper, useTable, type SortingState } from '@tanstack/react-table';
import { fieldLabel, fieldsBesideKey, plural, type ChangeView, type FieldChange } from './preview-model';
import { SortableHead } from './sort-header';
import { sortableFeatures } from './sortable-table';
import type { FieldValue } from './types';
import styles from './imports.module.css';

const features = sortableFeatures;
const helper = createColumnHelper<typeof features, ChangeView>();

type Filter = 'all' | 'moved' | 'create' | 'update';

function show(v: FieldValue): string {
  return v === null || v === '' ? '(blank)' : String(v);
}

/** A field and its value; `before` is absent for a new row. */
type ShownField = Omit<FieldChange, 'before'> & { before?: FieldValue };

function FieldList({ fields, inline }: { fields: ShownField[]; inline?: boolean }) {
  if (fields.length === 0) return <span className="muted">—</span>;
  return (
    <ul className={inline ? styles.inlineFields : styles.fieldList}>
      {fields.map((f) => (
        <li key={f.field}>
          <span className={styles.fieldName}>{fieldLabel(f.field)}</span>{' '}
          {f.before === undefined ? (
            show(f.after)
          ) : (
            <>
              <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * A dry run's changes, field by field. The promised date has its own column: it is
 * what moves the forecast, so a later date is flagged and can be sorted on.
 */
export function ChangesTable({ views, hasPromised }: { views: ChangeView[]; hasPromised: boolean }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState<Filter>('all');
  const counts = useMemo(
    () => ({
      all: views.length,
      moved: views.filter((v) => v.promised).length,
      create: views.filter((v) => v.change.action === 'create').length,
      update: views.filter((v) => v.change.action === 'update').length,
    }),
    [views],
  );
  const data = useMemo(
    () => views.filter((v) => filter === 'all' || (filter === 'moved' ? v.promised !== null : v.change.action === filter)),
    [views, filter],
  );
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor((v) => v.change.row ?? 0, { id: 'row', header: 'Row', sortFn: 'basic', sortDescFirst: false }),
        helper.accessor((v) => v.change.key, { id: 'key', header: 'Record', sortFn: 'alphanumeric' }),
        helper.accessor((v) => v.change.action, { id: 'action', header: 'Change', sortFn: 'alphanumeric' }),
        ...(hasPromised
          ? [
              helper.accessor((v) => v.promised?.days ?? (v.change.action === 'create' ? undefined : 0), {
                id: 'promised',
                header: 'Promised date',
                sortFn: 'basic',
                sortUndefined: 'last',
              }),
            ]
          : []),
        helper.display({ id: 'fields', header: hasPromised ? 'Other fields' : 'Fields' }),
      ]),
    [hasPromised],
  );
  const table = useTable({ features, columns, data, state: { sorting }, onSortingChange: setSorting });

  const filters: { id: Filter; label: string }[] = [
    { id: 'all', label: `All ${counts.all.toLocaleString('en-US')}` },
    ...(hasPromised ? [{ id: 'moved' as const, label: `Promised date moved ${counts.moved.toLocaleString('en-US')}` }] : []),
    { id: 'update', label: `Changed ${counts.update.toLocaleString('en-US')}` },
    { id: 'create', label: `New ${counts.create.toLocaleString('en-US')}` },
  ];

  return (
    <>
      <div className={styles.chips} role="group" aria-label="Show changes">
        {filters.map((f) => (
          <button key={f.id} type="button" className={styles.chip} aria-pressed={filter === f.id} onClick={() => setFilter(f.id)}>
            {f.label}
          </button>
        ))}
      </div>
      <div className="table-wrap">
        <table className="data" aria-label="Changes this file makes">
          <SortableHead groups={table.getHeaderGroups()} render={(header) => <table.FlexRender header={header} />} numericColumn="row" />
          <tbody>
            {table.getRowModel().rows.map((row) => {
              const v = row.original;
              const c = v.change;
              const created: ShownField[] =
                c.action === 'create'
                  ? fieldsBesideKey(c.key, c.after)
                      .filter(([f]) => !(hasPromised && (f === 'promisedDate' || f === 'promised_date')))
                      .map(([field, after]) => ({ field, after }))
                  : [];
              const promisedNow = c.after.promisedDate ?? c.after.promised_date ?? null;
              return (
                <tr key={row.id} className={v.promised && v.promised.days > 0 ? styles.laterRow : undefined}>
                  <td className="num">{c.row ?? ''}</td>
                  <td>
                    <code>{c.key}</code>
                  </td>
                  <td>{c.action === 'create' ? <span className="badge open">new</span> : <span className="badge">changed</span>}</td>
                  {hasPromised && (
                    <td className={styles.promised}>
                      {v.promised ? (
                        <>
                          <del>{v.promised.before}</del> → <strong>{v.promised.after}</strong>{' '}
                          <span className={`badge ${v.promised.days > 0 ? 'warn' : 'open'}`}>
                            {v.promised.days > 0 ? `${plural(v.promised.days, 'day')} later` : `${plural(-v.promised.days, 'day')} earlier`}
                          </span>
                        </>
                      ) : c.action === 'create' ? (
                        <strong>{show(promisedNow)}</strong>
                      ) : (
                        <span className="muted">{show(promisedNow)} (same)</span>
                      )}
                    </td>
                  )}
                  <td className={styles.wrap}>
                    <FieldList fields={c.action === 'create' ? created : v.fields} inline={c.action === 'create'} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
