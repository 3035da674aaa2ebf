import type { ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Long text (names): wraps instead of widening the table past the screen. */
  wrap?: boolean;
}

const cellClass = (c: { numeric?: boolean; wrap?: boolean }) => [c.numeric ? 'num' : '', c.wrap ? 'wrap' : ''].filter(Boolean).join(' ') || undefined;

/** A plain, accessible table for server-rendered lists; fetches nothing. */
export function SimpleTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  empty: ReactNode;
}) {
  if (rows.length === 0) return <div className="panel muted">{empty}</div>;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption style={{ position: 'absolute', left: -9999 }}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={cellClass(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.header} className={cellClass(c)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
