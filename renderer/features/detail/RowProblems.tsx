import type { AttemptView, RowDetail } from '../../../shared/contract/reviewSchemas.ts';
import type { RowView } from '../../../shared/domain/batch.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * What is wrong with the row, first thing in the pane: its latest error and the problems found when
 * it was imported or edited. The latest attempt's error is in the creator's words (main translates
 * it by class); the row's own is the provider's text, the fallback.
 */
export function RowProblems(props: { row: RowView; attempts: readonly AttemptView[]; issues: RowDetail['issues'] }) {
  const t = useT();
  const { row, attempts, issues } = props;
  const latest = [...attempts].sort((a, b) => b.createdAt - a.createdAt || b.attemptId - a.attemptId)[0];
  const failed = row.status === 'failed' || row.status === 'unknown' || row.status === 'stale';
  const error = failed ? (latest?.errorMessage ?? row.errorMessage) : null;
  if (!error && issues.length === 0) return null;
  return (
    <div className="detail-problems">
      {error && (
        <div className="detail-error" role="alert" data-testid="row-error">
          <p>{error}</p>
          {latest?.errorMessage && latest.retryable !== null && (
            <p className="small">{latest.retryable ? t('review.attempts.retryHelps') : t('review.attempts.retryWontHelp')}</p>
          )}
        </div>
      )}
      {issues.length > 0 && (
        <section className="detail-section" aria-labelledby="detail-issues">
          <h3 id="detail-issues">{t('review.issues.title')}</h3>
          <ul className="detail-issues" data-testid="row-issues">
            {issues.map((issue, index) => (
              <li key={index}>
                <strong>{issue.field}</strong>: {issue.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
