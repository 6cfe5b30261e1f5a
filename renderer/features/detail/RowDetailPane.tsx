import { useEffect, useState } from 'react';
import type { RowStatus } from '../../../shared/domain/status.ts';
import { useApi } from '../../api/apiContext.ts';
import { showToast } from '../../components/toastStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useRowsStore } from '../../store/rowsStore.ts';
import { AttemptHistory } from './AttemptHistory.tsx';
import { errorText } from './errorText.ts';
import { RowLogs } from './RowLogs.tsx';
import { RowProblems } from './RowProblems.tsx';
import { RowSummary } from './RowSummary.tsx';
import { TakesCompare } from './TakesCompare.tsx';
import { usePickSetter } from './usePickSetter.ts';
import { useRowDetail } from './useRowDetail.ts';
import './detail.css';
import { RetryBanner } from '../../components/RetryBanner.tsx';

/** Rows the engine can run again in place (a new attempt, the history kept). */
const rerunnable: readonly RowStatus[] = ['failed', 'unknown', 'cancelled', 'stale'];

/** The pane beside the grid: one row's videos, takes, attempts and log. */
export function RowDetailPane(props: { rowId: number; onClose: () => void }) {
  const { rowId, onClose } = props;
  const api = useApi();
  const t = useT();
  const { state, reload, applyPick } = useRowDetail(rowId);
  const { busyId, setPick } = usePickSetter(applyPick);
  const liveRow = useRowsStore((store) => store.byId[rowId]);
  const [rerunning, setRerunning] = useState(false);

  useEffect(() => {
    // Escape closes the pane, unless something else has a use for it: a key already handled, a
    // menu or dialog, or a field being typed in elsewhere (Escape there cancels the edit).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('[role="menu"], [role="dialog"], [role="alertdialog"], dialog')) return;
      const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
      if (typing && !target.closest('[data-testid="row-detail"]')) return;
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  // The grid's copy is newer than the fetched one while the engine is working on the row.
  const row = liveRow ?? (state.kind === 'ready' ? state.detail.row : undefined);

  async function rerun() {
    if (!row) return;
    setRerunning(true);
    try {
      await api.rerunRows({ batchId: row.batchId, rowIds: [row.id] });
      showToast({ kind: 'success', message: t('review.rerun.started', { row: row.rowNumber }) });
      await reload();
    } catch (error) {
      showToast({ kind: 'error', message: errorText(t, error) });
    } finally {
      setRerunning(false);
    }
  }

  return (
    <aside className="row-detail" role="complementary" aria-labelledby="row-detail-title" data-testid="row-detail">
      <header className="row-detail-header">
        <h2 id="row-detail-title">{row ? t('review.detail.title', { row: row.rowNumber }) : t('review.detail.titleLoading')}</h2>
        {row && (
          <span className={`status-chip row-status-${row.status}`} data-testid="row-detail-status">
            {t(`review.rowStatus.${row.status}`)}
            {row.progress !== null && row.status === 'generating' ? ` ${Math.round(row.progress)}%` : ''}
          </span>
        )}
        <span className="row-detail-spacer" />
        {row && rerunnable.includes(row.status) && (
          <button type="button" className="primary" disabled={rerunning} data-testid="row-rerun" onClick={() => void rerun()}>
            {t('review.rerun')}
          </button>
        )}
        <button type="button" className="icon-button" aria-label={t('review.detail.close')} title={t('review.detail.close')} data-testid="row-detail-close" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="row-detail-body">
        {state.kind === 'loading' && <p className="muted">{t('review.detail.loading')}</p>}
        {state.kind === 'failed' && (
          <RetryBanner message={errorText(t, state.error)} onRetry={() => void reload()} />
        )}
        {state.kind === 'ready' && row && (
          <>
            <RowProblems row={row} attempts={state.detail.attempts} issues={state.detail.issues} />
            {/* A failed row with nothing finished has no videos to show: its error comes first instead. */}
            {(state.detail.attempts.some((attempt) => attempt.status === 'succeeded') || !rerunnable.includes(row.status)) && (
              <TakesCompare attempts={state.detail.attempts} busyId={busyId} onPick={(attemptId, pick) => void setPick(attemptId, pick)} />
            )}
            <RowSummary row={row} unit={state.detail.attempts.find((attempt) => attempt.unit)?.unit ?? null} />
            <AttemptHistory attempts={state.detail.attempts} />
            <RowLogs logs={state.detail.logs} />
          </>
        )}
      </div>
    </aside>
  );
}
