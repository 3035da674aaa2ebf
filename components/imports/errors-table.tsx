'use client';

import { useState } from 'react';
import { createColumnHelper, useTable, type SortingState } from '@tanstack/react-table';
import { errorsCsv, errorsFilename } from './preview-model';
import { SortableHead } from './sort-header';
import { sortableFeatures } from './sortable-table';
import type { RowError } from './types';
import styles from './imports.module.css';

const features = sortableFeatures;
const helper = createColumnHelper<typeof features, RowError>();
const columns = helper.columns([
  helper.accessor('row', { header: 'Row', sortFn: 'basic', sortDescFirst: false }),
  helper.accessor((e) => e.column ?? '', { id: 'column', header: 'Column', sortFn: 'alphanumeric' }),
  helper.accessor('message', { header: 'Problem', sortFn: 'alphanumeric' }),
]);

/**
 * Why the file was refused, by row and column (row numbers as a spreadsheet shows
 * them: the header is row 1), with the list as a CSV to hand back to the supplier.
 */
export function ErrorsTable({ errors, errorCount, filename }: { errors: RowError[]; errorCount: number; filename: string }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useTable({ features, columns, data: errors, state: { sorting }, onSortingChange: setSorting });
  const truncated = errorCount > errors.length;

  return (
    <section aria-labelledby="errors-heading" className={styles.block}>
      <div className={styles.blockHead}>
        <h3 id="errors-heading">
          {errorCount.toLocaleString('en-US')} problem{errorCount === 1 ? '' : 's'} in the file
        </h3>
        {truncated && (
          <span className="muted small">
            showing the first {errors.length.toLocaleString('en-US')} of {errorCount.toLocaleString('en-US')}
          </span>
        )}
        <button type="button" className="secondary" onClick={() => downloadCsv(errorsCsv(errors), errorsFilename(filename))}>
          Download errors (CSV)
        </button>
      </div>
      <div className="table-wrap">
        <table className="data" aria-label="Problems in the file">
          <SortableHead groups={table.getHeaderGroups()} render={(header) => <table.FlexRender header={header} />} numericColumn="row" />
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                <td className="num">{row.original.row}</td>
                <td>{row.original.column ? <code>{row.original.column}</code> : <span className="muted">whole row</span>}</td>
                <td className={styles.wrap}>{row.original.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function downloadCsv(text: string, filename: string) {
  // A byte-order mark so spreadsheet programs read the UTF-8 as UTF-8.
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
