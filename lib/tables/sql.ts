// One list query as parameterised SQL: the page's SELECT and the COUNT of the same
// filter. Pure, so it is unit-tested and the benchmark runs the same text with `pg`.
import { filterParams, type ListQuery } from './query';
import type { ColumnSource, TableSource } from './sources';
import type { TableDef } from './types';

export interface Statement {
  text: string;
  values: (string | number)[];
}

/** `%`, `_` and `\` are literal inside a search: ILIKE's wildcards are ours only. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

function sourceOf(source: TableSource, key: string): ColumnSource {
  const col = source.columns[key];
  if (!col) throw new Error(`no SQL source for column ${key}`);
  return col;
}

/** The WHERE clause of a query (`TRUE` when it filters nothing), its values starting at $1. */
export function whereClause(def: TableDef, source: TableSource, query: Pick<ListQuery, 'filters' | 'q'>): Statement {
  const values: (string | number)[] = [];
  const arg = (v: string | number) => {
    values.push(v);
    return `$${values.length}`;
  };
  const conds: string[] = [];
  for (const col of def.columns) {
    const f = col.filter;
    if (!f) continue;
    const src = sourceOf(source, col.key);
    const expr = src.raw ?? src.select;
    const [p1, p2] = filterParams(f);
    const v1 = p1 === undefined ? undefined : query.filters[p1];
    const v2 = p2 === undefined ? undefined : query.filters[p2];
    switch (f.kind) {
      case 'text':
        if (v1 !== undefined) conds.push(f.match === 'exact' ? `${expr} = ${arg(v1)}` : `${expr} ILIKE ${arg(likePattern(v1))}`);
        break;
      case 'enum':
        if (v1 !== undefined) conds.push(src.enumType ? `${expr} = ${arg(v1)}::${src.enumType}` : `${expr} = ${arg(v1)}`);
        break;
      case 'number':
        if (v1 !== undefined) conds.push(`${expr} >= ${arg(v1)}::numeric`);
        if (v2 !== undefined) conds.push(`${expr} <= ${arg(v2)}::numeric`);
        break;
      case 'date':
        if (v1 !== undefined) conds.push(`${expr} >= ${arg(v1)}::date`);
        if (v2 !== undefined) conds.push(`${expr} <= ${arg(v2)}::date`);
        break;
    }
  }
  if (query.q) {
    const p = arg(likePattern(query.q));
    conds.push(source.search(p));
  }
  return { text: conds.length > 0 ? conds.join(' AND ') : 'TRUE', values };
}

/** ORDER BY the query's sort, then the id, so equal rows keep one order from page to page. */
export function orderClause(source: TableSource, query: Pick<ListQuery, 'sort'>): string {
  const keys = query.sort.map(({ field, dir }) => {
    const src = sourceOf(source, field);
    return `${src.raw ?? src.select} ${dir === 'desc' ? 'DESC' : 'ASC'}${src.nullsLast ? ' NULLS LAST' : ''}`;
  });
  return [...keys, `${source.id} ASC`].join(', ');
}

function selectList(source: TableSource): string {
  return [`${source.id} AS "id"`, ...Object.entries(source.columns).map(([key, c]) => `${c.select} AS "${key}"`)].join(', ');
}

/** The rows of one page: `limit` rows after skipping `offset`. */
export function pageStatement(def: TableDef, source: TableSource, query: ListQuery, offset: number, limit: number): Statement {
  const where = whereClause(def, source, query);
  const n = where.values.length;
  return {
    text: `SELECT ${selectList(source)} FROM ${source.from} WHERE ${where.text} ORDER BY ${orderClause(source, query)} LIMIT $${n + 1} OFFSET $${n + 2}`,
    values: [...where.values, limit, offset],
  };
}

export function countStatement(def: TableDef, source: TableSource, query: ListQuery): Statement {
  const where = whereClause(def, source, query);
  return { text: `SELECT count(*)::int AS "total" FROM ${source.from} WHERE ${where.text}`, values: where.values };
}
