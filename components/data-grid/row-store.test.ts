import { describe, expect, it } from 'vitest';
import type { ListPage } from '@/lib/tables/types';
import { PAGE_ROWS, RowStore } from './row-store';

function deferred() {
  const calls: { url: string; resolve: (p: ListPage) => void }[] = [];
  const fetcher = (url: string) => new Promise<ListPage>((resolve) => calls.push({ url, resolve }));
  return { calls, fetcher };
}
const page = (from: number, n: number, total: number): ListPage => ({ rows: Array.from({ length: n }, (_, i) => ({ id: from + i })), total, nextCursor: null });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the grid’s row pages', () => {
  it('fetches only the pages scrolled to, each once', async () => {
    const { calls, fetcher } = deferred();
    const store = new RowStore(fetcher, { query: 'a', pageUrl: (c) => `/x?cursor=${c}`, page: page(0, PAGE_ROWS, 100_000) });
    store.ensure(50_000, 50_040);
    store.ensure(50_010, 50_020);
    expect(calls.map((c) => c.url)).toEqual([`/x?cursor=${250 * PAGE_ROWS}`]);
    calls[0]!.resolve(page(50_000, PAGE_ROWS, 100_000));
    await flush();
    expect(store.row(50_000)?.id).toBe(50_000);
    expect(store.row(60_000)).toBeUndefined();
    expect(store.row(3)?.id).toBe(3);
  });

  it('drops an answer for a query that has since changed', async () => {
    const { calls, fetcher } = deferred();
    const store = new RowStore(fetcher, { query: 'a', pageUrl: (c) => `/a?cursor=${c}`, page: page(0, 10, 10) });
    store.setQuery('b', (c) => `/b?cursor=${c}`);
    store.setQuery('c', (c) => `/c?cursor=${c}`);
    calls[0]!.resolve(page(900, 3, 3));
    calls[1]!.resolve(page(0, 2, 2));
    await flush();
    expect([store.total, store.row(0)?.id, store.row(2)]).toEqual([2, 0, undefined]);
  });
});
