import { rowStatuses, type RowStatus } from '../../../shared/domain/status.ts';
import type { RowQuery } from './rowPager.ts';
import { problemStatuses } from './rowStatusSets.ts';

export type StatusFilter = 'all' | 'problems' | RowStatus;
export type PickFilter = 'all' | 'picked' | 'rejected';

export interface GridFilter {
  status: StatusFilter;
  pick: PickFilter;
  search: string;
}

export const initialFilter: GridFilter = { status: 'all', pick: 'all', search: '' };
export const statusFilterOptions: readonly StatusFilter[] = ['all', 'problems', ...rowStatuses];

/** The filter as getRowsPage takes it: "all" and an empty search mean no condition at all. */
export function toRowQuery(batchId: number, filter: GridFilter): RowQuery {
  const query: RowQuery = { batchId };
  if (filter.status === 'problems') query.statuses = [...problemStatuses];
  else if (filter.status !== 'all') query.statuses = [filter.status];
  if (filter.pick !== 'all') query.pick = filter.pick;
  const search = filter.search.trim().slice(0, 200);
  if (search !== '') query.search = search;
  return query;
}
