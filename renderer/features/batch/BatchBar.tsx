import { useEffect, useRef, useState } from 'react';
import type { BatchDetail } from '../../../shared/contract/calls.ts';
import type { BatchSummary } from '../../../shared/domain/batch.ts';
import { rowStatuses, type RowStatus } from '../../../shared/domain/status.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import { useApi } from '../../api/apiContext.ts';
import { showToast } from '../../components/toastStore.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { formatMicros } from '../detail/money.ts';
import { etaSeconds, formatDuration } from './eta.ts';

const FINISHED: readonly RowStatus[] = ['done', 'failed', 'cancelled', 'unknown', 'stale'];
const RERUNNABLE: readonly RowStatus[] = ['failed', 'unknown', 'cancelled', 'stale'];

/** Start / Pause / Resume / Cancel / Re-run failed, the counts, progress, time left and spend (product §5). */
export function BatchBar(props: { summary: BatchSummary; detail: BatchDetail | null; onStart: () => void; onChanged: () => void; planEtaS: number | null }) {
  const { summary, detail, onStart, onChanged } = props;
  const api = useApi();
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const counts = summary.statusCounts;
  const finished = FINISHED.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  const failed = RERUNNABLE.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  const pace = usePace(summary.status === 'running', counts.done ?? 0);
  const eta = summary.status === 'running' ? etaSeconds({ ...pace, remaining: summary.rowCount - finished, planEtaS: props.planEtaS }) : null;

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
      onChanged();
    } catch (error) {
      showToast({ kind: 'error', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const rerunFailed = () =>
    act(async () => {
      const ids = await failedRowIds(api, summary.id);
      if (ids.length > 0) await api.rerunRows({ batchId: summary.id, rowIds: ids });
    });

  const money = (list: BatchDetail['spent'] | undefined) => (list && list.length > 0 ? list.map((m) => formatMicros(locale, t, m.micros, m.unit)).join(' + ') : '—');
  return (
    <section className="batch-bar" aria-label={t('batchBar.label')} data-testid="batch-bar">
      <div className="batch-bar-actions">
        {summary.status === 'draft' && (
          <button type="button" className="primary" data-testid="batch-start" disabled={busy} onClick={onStart}>
            {t('batchBar.start')}
          </button>
        )}
        {summary.status === 'running' && (
          <button type="button" data-testid="batch-pause" disabled={busy} onClick={() => void act(() => api.pauseBatch({ batchId: summary.id }))}>
            {t('batchBar.pause')}
          </button>
        )}
        {summary.status === 'paused' && (
          <button type="button" className="primary" data-testid="batch-resume" disabled={busy} onClick={() => void act(() => api.resumeBatch({ batchId: summary.id }))}>
            {t('batchBar.resume')}
          </button>
        )}
        {(summary.status === 'running' || summary.status === 'paused') && (
          <button type="button" data-testid="batch-cancel" disabled={busy} onClick={() => void act(() => api.cancelBatch({ batchId: summary.id }))}>
            {t('batchBar.cancel')}
          </button>
        )}
        {failed > 0 && summary.status !== 'draft' && (
          <button type="button" data-testid="batch-rerun-failed" disabled={busy} onClick={() => void rerunFailed()}>
            {t('batchBar.rerunFailed', { count: failed })}
          </button>
        )}
      </div>
      <div className="batch-bar-progress">
        <progress max={Math.max(1, summary.rowCount)} value={finished} aria-label={t('batchBar.progress', { done: finished, total: summary.rowCount })} />
        <span data-testid="batch-progress-text">{t('batchBar.progress', { done: finished, total: summary.rowCount })}</span>
        {eta !== null && eta > 0 && <span className="muted">{t('batchBar.eta', { eta: formatDuration(eta, locale) })}</span>}
      </div>
      <ul className="batch-bar-counts" aria-label={t('batchBar.counts')}>
        {rowStatuses.filter((status) => (counts[status] ?? 0) > 0).map((status) => (
          <li key={status} className={`count count-${status}`} data-testid={`count-${status}`}>
            {t(`grid.status.${status}` as MessageKey)} <strong>{counts[status]}</strong>
          </li>
        ))}
      </ul>
      <div className="batch-bar-money" data-testid="batch-spend">
        {t('batchBar.spend', { spent: money(detail?.spent), estimate: money(detail?.estimate) })}
      </div>
      {summary.status === 'paused' && detail?.pauseReason && <p className="batch-bar-reason" role="status">{detail.pauseReason}</p>}
    </section>
  );
}

/** When the batch last started running, and how many rows were done then: the pace for the ETA. */
function usePace(running: boolean, done: number): { startedAt: number | null; finishedSinceStart: number; now: number } {
  const start = useRef<{ at: number; done: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) {
      start.current = null;
      return;
    }
    start.current ??= { at: Date.now(), done };
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
    // Only a change of running state restarts the clock; `done` is read at that moment.
  }, [running]);
  return { startedAt: start.current?.at ?? null, finishedSinceStart: start.current ? done - start.current.done : 0, now };
}

async function failedRowIds(api: ReturnType<typeof useApi>, batchId: number): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api.getRowsPage({ batchId, offset, limit: 1000, statuses: [...RERUNNABLE] });
    ids.push(...page.rows.map((row) => row.id));
    if (offset + page.rows.length >= page.total || page.rows.length === 0) return ids;
  }
}
