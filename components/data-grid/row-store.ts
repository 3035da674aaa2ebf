// The rows of one list query, fetched a page at a time as the grid scrolls to them,
// so a 200,000-row table holds only what was looked at. A new query (filter, sort,
// search) starts afresh and answers for an old one are dropped. A plain store the
// grid subscribes to (useSyncExternalStore): no React in here.
import { GRID_PAGE_ROWS } from '@/lib/tables/query';
import type { ListPage, ListRow } from '@/lib/tables/types';

export const PAGE_ROWS = GRID_PAGE_ROWS;

type Fetcher = (url: string) => Promise<ListPage>;

export class RowStore {
  private query = '';
  private pageUrl: (cursor: number) => string = () => '';
  private pages = new Map<number, ListRow[]>();
  private inFlight = new Set<number>();
  private listeners = new Set<() => void>();
  private version = 0;
  total = 0;
  error: string | null = null;

  constructor(
    private readonly fetcher: Fetcher,
    initial?: { query: string; pageUrl: (cursor: number) => string; page: ListPage },
  ) {
    if (initial) {
      this.query = initial.query;
      this.pageUrl = initial.pageUrl;
      this.total = initial.page.total;
      this.pages.set(0, initial.page.rows);
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever a row, the total or the error changes. */
  getSnapshot = (): number => this.version;

  private changed(): void {
    this.version += 1;
    for (const l of this.listeners) l();
  }

  get loading(): boolean {
    return this.inFlight.size > 0;
  }

  /** Switches to another query (a no-op for the current one); its first page is fetched. */
  setQuery(query: string, pageUrl: (cursor: number) => string): void {
    if (query === this.query) return;
    this.query = query;
    this.pageUrl = pageUrl;
    this.pages = new Map();
    this.inFlight = new Set();
    this.changed();
    void this.fetchPage(0);
  }

  row(index: number): ListRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS];
  }

  /** The loaded rows with these ids, in list order (selected rows are always loaded: they were clicked). */
  findRows(ids: ReadonlySet<number>): ListRow[] {
    const out: ListRow[] = [];
    for (const p of [...this.pages.keys()].sort((a, b) => a - b)) for (const r of this.pages.get(p)!) if (ids.has(r.id)) out.push(r);
    return out;
  }

  /** Makes sure rows first..last are loaded or on their way. */
  ensure(first: number, last: number): void {
    const from = Math.max(0, Math.floor(first / PAGE_ROWS));
    const to = Math.floor(Math.max(first, last) / PAGE_ROWS);
    for (let p = from; p <= to; p++) if (p === 0 || p * PAGE_ROWS < this.total) void this.fetchPage(p);
  }

  /** After a write: rows first..last again from the server; the rest are fetched when scrolled to. */
  reload(first: number, last: number): void {
    this.pages = new Map();
    this.inFlight = new Set();
    this.changed();
    this.ensure(first, last);
  }

  private async fetchPage(page: number): Promise<void> {
    if (this.pages.has(page) || this.inFlight.has(page)) return;
    const pages = this.pages;
    const inFlight = this.inFlight;
    inFlight.add(page);
    this.changed();
    try {
      const body = await this.fetcher(this.pageUrl(page * PAGE_ROWS));
      if (pages !== this.pages) return; // an answer for a query or a load since replaced
      pages.set(page, body.rows);
      this.total = body.total;
      this.error = null;
    } catch (err) {
      if (pages === this.pages) this.error = err instanceof Error ? err.message : String(err);
    } finally {
      inFlight.delete(page);
      this.changed();
    }
  }
}

/** The fetcher the grid uses: JSON from the list endpoint, its 400 issues as the error message. */
export async function fetchListJson(url: string): Promise<ListPage> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new Error('The list could not be loaded: is the connection down?');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string; issues?: { message: string; path?: unknown[] }[] };
    throw new Error(body.issues?.map((i) => `${(i.path ?? []).join('.')}: ${i.message}`).join('; ') || body.error || `The list answered ${res.status}.`);
  }
  return (await res.json()) as ListPage;
}
