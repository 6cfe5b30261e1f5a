import type { RowsPage } from '../../../shared/contract/calls.ts';
import type { RowPatch, RowView } from '../../../shared/domain/batch.ts';
import type { RowStatus } from '../../../shared/domain/status.ts';

/** What the grid shows: one batch, filtered. */
export interface RowQuery {
  batchId: number;
  statuses?: RowStatus[];
  search?: string;
  pick?: 'picked' | 'rejected';
}

export interface PagerSnapshot {
  /** Changes whenever a page arrives or leaves: the grid rebuilds its row list on it. */
  version: number;
  /** Rows matching the query; null until the first page answers. */
  total: number | null;
  error: unknown;
}

export interface PagerDeps {
  fetchPage(query: RowQuery, offset: number, limit: number): Promise<RowsPage>;
  upsertRows(rows: readonly RowView[]): void;
  evictRows(ids: Iterable<number>): void;
  /** The rows in memory, to tell whether a patch can change which rows match the query. */
  loadedRow(id: number): RowView | undefined;
}

export const PAGE_SIZE = 200;
/** Rows fetched beyond each edge of the viewport, so a short scroll finds them ready. */
const MARGIN = 100;
/** Pages kept in memory (6,000 rows); the ones furthest from the viewport go first. */
const MAX_PAGES = 30;
/** Fetch at most this often while scrolling, so a fling through 100,000 rows asks for little. */
const SCROLL_FETCH_MS = 60;
/** A filtered view refreshes at most this often when patches move rows in or out of it. */
const STALE_REFRESH_MS = 1000;

interface Page {
  ids: number[];
  epoch: number;
}

/**
 * The pages of one filtered view of a batch that the grid has fetched: row ids by position (the
 * rows themselves live, normalised, in the rows store). It fetches only the pages around the
 * viewport, drops the ones far away, and, when patches may have moved rows in or out of the
 * filter, refetches the visible pages once things settle instead of refetching per patch.
 */
export class RowPager {
  private readonly deps: PagerDeps;
  private query: RowQuery | null = null;
  /** Bumped when the query changes: answers for an older query are dropped. */
  private generation = 0;
  /** Bumped when the loaded pages may be out of date: pages of an older epoch are refetched. */
  private epoch = 0;
  private pages = new Map<number, Page>();
  private inflight = new Map<number, { epoch: number; promise: Promise<number[]> }>();
  private loadedIds = new Set<number>();
  private range = { first: 0, last: 0 };
  private scrollTimer: ReturnType<typeof setTimeout> | null = null;
  private staleTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();
  private snapshot: PagerSnapshot = { version: 0, total: null, error: null };

  constructor(deps: PagerDeps) {
    this.deps = deps;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PagerSnapshot => this.snapshot;

  setQuery(query: RowQuery): void {
    this.generation += 1;
    this.query = query;
    this.dropPages([...this.pages.keys()]);
    this.inflight.clear();
    this.clearTimers();
    this.snapshot = { version: this.snapshot.version + 1, total: null, error: null };
    this.emit();
    this.loadNeeded();
  }

  /** The rows the viewport shows, by index; fetching follows at most every SCROLL_FETCH_MS. */
  setVisibleRange(first: number, last: number): void {
    this.range = { first, last };
    this.scrollTimer ??= setTimeout(() => {
      this.scrollTimer = null;
      this.loadNeeded();
    }, SCROLL_FETCH_MS);
  }

  /** The id of the row at `index`, when its page is loaded. */
  idAt(index: number): number | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.ids[index % PAGE_SIZE];
  }

  /** Loaded pages' ids by page number, for building the grid's rows. */
  loadedPages(): ReadonlyMap<number, { readonly ids: readonly number[] }> {
    return this.pages;
  }

  /** The ids of rows `start`..`start+count-1`, fetching what is missing (for a pasted block). */
  async idsFor(start: number, count: number): Promise<number[]> {
    const total = this.snapshot.total ?? 0;
    const end = Math.min(start + count, total);
    const generation = this.generation;
    const ids: number[] = [];
    for (let page = Math.floor(start / PAGE_SIZE); page * PAGE_SIZE < end; page += 1) {
      const pageIds = await this.loadPage(page);
      if (generation !== this.generation) throw new Error('The filter changed.');
      const from = Math.max(start, page * PAGE_SIZE) - page * PAGE_SIZE;
      const to = Math.min(end, (page + 1) * PAGE_SIZE) - page * PAGE_SIZE;
      ids.push(...pageIds.slice(from, to));
    }
    return ids;
  }

  /** Marks the view out of date when these patches may change which rows match the filter. */
  notePatches(patches: readonly RowPatch[]): void {
    const query = this.query;
    if (!query || this.staleTimer || !patches.some((patch) => this.mayMove(query, patch))) return;
    this.staleTimer = setTimeout(() => {
      this.staleTimer = null;
      this.refresh();
    }, STALE_REFRESH_MS);
  }

  /** Refetches the visible pages and forgets the others (they refetch when scrolled to). */
  refresh(): void {
    this.epoch += 1;
    const needed = new Set(this.neededPages());
    this.dropPages([...this.pages.keys()].filter((page) => !needed.has(page)));
    this.emit();
    this.loadNeeded();
  }

  dispose(): void {
    this.generation += 1;
    this.clearTimers();
    this.dropPages([...this.pages.keys()]);
    this.listeners.clear();
  }

  private mayMove(query: RowQuery, patch: RowPatch): boolean {
    if (patch.batchId !== query.batchId) return false;
    const loaded = this.loadedIds.has(patch.id) ? this.deps.loadedRow(patch.id) : undefined;
    // A row not loaded may be entering or leaving the filter: only a refetch can tell.
    if (query.statuses && patch.status !== undefined && (!loaded || !query.statuses.includes(patch.status))) return true;
    if (query.search && (patch.prompt ?? patch.model ?? patch.name ?? patch.errorMessage) !== undefined) {
      if (!loaded) return true;
      const merged = { ...loaded, ...definedFields(patch) };
      return !matchesSearch(merged, query.search);
    }
    return false;
  }

  private neededPages(): number[] {
    const total = this.snapshot.total;
    const first = Math.max(0, this.range.first - MARGIN);
    let last = this.range.last + MARGIN;
    if (total !== null) last = Math.min(last, total - 1);
    const pages: number[] = [];
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page += 1) pages.push(page);
    // Before the first answer the total is unknown: page 0 tells it.
    return total === null ? [0] : pages;
  }

  private loadNeeded(): void {
    for (const page of this.neededPages()) {
      if ((this.pages.get(page)?.epoch ?? -1) < this.epoch) void this.loadPage(page).catch(() => undefined);
    }
  }

  private loadPage(page: number): Promise<number[]> {
    const loaded = this.pages.get(page);
    if (loaded && loaded.epoch === this.epoch) return Promise.resolve(loaded.ids);
    const pending = this.inflight.get(page);
    if (pending && pending.epoch === this.epoch) return pending.promise;
    const query = this.query;
    if (!query) return Promise.resolve([]);
    const { generation, epoch } = this;
    const promise = this.deps.fetchPage(query, page * PAGE_SIZE, PAGE_SIZE).then(
      (answer) => {
        if (generation !== this.generation) return answer.rows.map((row) => row.id);
        if (this.inflight.get(page)?.promise === promise) this.inflight.delete(page);
        this.deps.upsertRows(answer.rows);
        const ids = answer.rows.map((row) => row.id);
        const previous = this.pages.get(page);
        if (!previous || previous.epoch <= epoch) this.pages.set(page, { ids, epoch });
        this.rebuildLoadedIds();
        this.snapshot = { version: this.snapshot.version + 1, total: answer.total, error: null };
        this.evictFarPages();
        this.emit();
        // The first answer tells the total: the viewport may need more than page 0.
        if (page === 0 && previous === undefined) this.loadNeeded();
        return ids;
      },
      (error: unknown) => {
        if (generation === this.generation) {
          if (this.inflight.get(page)?.promise === promise) this.inflight.delete(page);
          this.snapshot = { ...this.snapshot, version: this.snapshot.version + 1, error };
          this.emit();
        }
        throw error;
      },
    );
    this.inflight.set(page, { epoch, promise });
    return promise;
  }

  private evictFarPages(): void {
    if (this.pages.size <= MAX_PAGES) return;
    const centre = Math.floor((this.range.first + this.range.last) / 2 / PAGE_SIZE);
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    this.dropPages(byDistance.slice(0, this.pages.size - MAX_PAGES));
  }

  private dropPages(pages: readonly number[]): void {
    if (pages.length === 0) return;
    const dropped: number[] = [];
    for (const page of pages) {
      dropped.push(...(this.pages.get(page)?.ids ?? []));
      this.pages.delete(page);
    }
    this.rebuildLoadedIds();
    // A row can sit in two pages for a moment after a refresh shifted positions: keep it then.
    this.deps.evictRows(dropped.filter((id) => !this.loadedIds.has(id)));
    this.snapshot = { ...this.snapshot, version: this.snapshot.version + 1 };
  }

  private rebuildLoadedIds(): void {
    this.loadedIds = new Set();
    for (const page of this.pages.values()) for (const id of page.ids) this.loadedIds.add(id);
  }

  private clearTimers(): void {
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.scrollTimer = null;
    this.staleTimer = null;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Main's search rule (calls.ts): prompt, model, name or error contains the text, any case. */
export function matchesSearch(row: Pick<RowView, 'prompt' | 'model' | 'name' | 'errorMessage'>, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return [row.prompt, row.model, row.name, row.errorMessage].some((value) => value?.toLowerCase().includes(needle) ?? false);
}

function definedFields(patch: RowPatch): Partial<RowView> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<RowView>;
}
