import type { GenvidApi } from '../../../shared/contract/api.ts';
import type { RowView } from '../../../shared/domain/batch.ts';
import { isCancellableStatus, isRerunnableStatus } from './rowStatusSets.ts';

export const menuActions = ['rerun', 'cancel', 'openVideo', 'reveal', 'copyTaskId', 'copyError'] as const;
export type MenuAction = (typeof menuActions)[number];

/**
 * What a context menu acts on: the selection when the clicked row is part of it, else that row.
 * Open, reveal and copy task id concern the clicked row alone.
 */
export interface MenuTarget {
  primary: RowView;
  rows: RowView[];
}

/** What to tell the creator afterwards (nothing for opening a file: the file opening says it). */
export interface ActionOutcome {
  kind: 'done' | 'nothing';
  messageKey: 'grid.toast.rerun' | 'grid.toast.cancelled' | 'grid.toast.copied' | 'grid.toast.noTaskId' | null;
  count?: number;
}

export function isAvailable(action: MenuAction, target: MenuTarget): boolean {
  switch (action) {
    case 'rerun':
      return target.rows.some((row) => isRerunnableStatus(row.status));
    case 'cancel':
      return target.rows.some((row) => isCancellableStatus(row.status));
    case 'openVideo':
    case 'reveal':
      return target.primary.outputAttemptId !== null;
    case 'copyTaskId':
      return target.primary.attemptCount > 0;
    case 'copyError':
      return target.rows.some((row) => row.errorMessage !== null || row.issues.length > 0);
  }
}

export interface ActionDeps {
  api: GenvidApi;
  copy: (text: string) => Promise<void>;
  /** A row's error or import problems as text (rowProblem.ts). */
  problemOf: (row: RowView) => string | null;
}

/** Runs one menu action; failures of calls reject (ApiCallError) for the caller to report. */
export async function runAction(action: MenuAction, target: MenuTarget, deps: ActionDeps): Promise<ActionOutcome> {
  const { api, copy } = deps;
  const { primary } = target;
  const batchId = primary.batchId;
  switch (action) {
    case 'rerun': {
      const rowIds = target.rows.filter((row) => isRerunnableStatus(row.status)).map((row) => row.id);
      const answer = await api.rerunRows({ batchId, rowIds });
      return { kind: 'done', messageKey: 'grid.toast.rerun', count: answer.rowIds.length };
    }
    case 'cancel': {
      const rowIds = target.rows.filter((row) => isCancellableStatus(row.status)).map((row) => row.id);
      await api.cancelRows({ batchId, rowIds });
      return { kind: 'done', messageKey: 'grid.toast.cancelled', count: rowIds.length };
    }
    case 'openVideo':
    case 'reveal':
      if (primary.outputAttemptId === null) return { kind: 'done', messageKey: null };
      await api.openFile({ attemptId: primary.outputAttemptId, how: action === 'openVideo' ? 'open' : 'reveal' });
      return { kind: 'done', messageKey: null };
    case 'copyTaskId': {
      const detail = await api.getRowDetail({ rowId: primary.id });
      const taskId = latestTaskId(detail.attempts);
      if (taskId === null) return { kind: 'nothing', messageKey: 'grid.toast.noTaskId' };
      await copy(taskId);
      return { kind: 'done', messageKey: 'grid.toast.copied' };
    }
    case 'copyError': {
      await copy(errorText(target.rows, deps.problemOf));
      return { kind: 'done', messageKey: 'grid.toast.copied' };
    }
  }
}

/** The newest attempt that reached the provider (has a task id). */
export function latestTaskId(attempts: readonly { taskId: string | null; createdAt: number; attemptId: number }[]): string | null {
  let best: { taskId: string; createdAt: number; attemptId: number } | null = null;
  for (const attempt of attempts) {
    if (attempt.taskId === null) continue;
    if (!best || attempt.createdAt > best.createdAt || (attempt.createdAt === best.createdAt && attempt.attemptId > best.attemptId)) best = { ...attempt, taskId: attempt.taskId };
  }
  return best?.taskId ?? null;
}

/** One error as it is; several as "row number <tab> error" lines, which paste into a sheet as two columns. */
export function errorText(rows: readonly RowView[], problemOf: ActionDeps['problemOf']): string {
  const problems = rows.flatMap((row) => {
    const problem = problemOf(row);
    return problem === null ? [] : [{ rowNumber: row.rowNumber, problem }];
  });
  if (problems.length === 1) return problems[0]!.problem;
  return problems.map(({ rowNumber, problem }) => `${rowNumber}\t${problem}`).join('\n');
}
