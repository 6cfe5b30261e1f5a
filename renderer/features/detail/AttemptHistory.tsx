import type { AttemptView } from '../../../shared/contract/reviewSchemas.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { CopyButton } from './CopyButton.tsx';
import { formatDateTime, formatElapsed } from './formatTime.ts';
import { formatMicros } from './money.ts';

/** Every paid submission of the row, newest first: what happened, why it failed, what it cost. */
export function AttemptHistory(props: { attempts: readonly AttemptView[] }) {
  const t = useT();
  const locale = useLocale();
  const attempts = [...props.attempts].sort((a, b) => b.createdAt - a.createdAt || b.attemptId - a.attemptId);

  return (
    <section className="detail-section" aria-labelledby="detail-attempts">
      <h3 id="detail-attempts">{t('review.attempts.title')}</h3>
      {attempts.length === 0 ? (
        <p className="muted">{t('review.attempts.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="attempts-table" data-testid="attempts-table">
            <thead>
              <tr>
                <th scope="col">{t('review.attempts.attempt')}</th>
                <th scope="col">{t('review.attempts.status')}</th>
                <th scope="col">{t('review.attempts.when')}</th>
                <th scope="col" className="numeric">{t('review.attempts.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((attempt) => (
                <AttemptRow key={attempt.attemptId} attempt={attempt} locale={locale} t={t} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AttemptRow({ attempt, locale, t }: { attempt: AttemptView; locale: ReturnType<typeof useLocale>; t: ReturnType<typeof useT> }) {
  const took = attempt.submittedAt !== null && attempt.finishedAt !== null ? formatElapsed(attempt.finishedAt - attempt.submittedAt) : null;
  return (
    <>
      <tr className={`attempt-row attempt-${attempt.status}`} data-testid="attempt-row">
        <td>
          {t('review.attempts.label', { attempt: attempt.attemptNumber })}
          <div className="muted small">{t('review.attempts.sub', { take: attempt.take, run: attempt.run, model: attempt.model })}</div>
        </td>
        <td>
          <span className={`status-chip attempt-status-${attempt.status}`}>{t(`review.attemptStatus.${attempt.status}`)}</span>
        </td>
        <td className="small">
          {formatDateTime(locale, attempt.createdAt)}
          {took && <div className="muted">{t('review.attempts.took', { elapsed: took })}</div>}
        </td>
        <td className="numeric">{attempt.costMicros !== null && attempt.unit ? formatMicros(locale, t, attempt.costMicros, attempt.unit) : '—'}</td>
      </tr>
      {/* Task id and error on a full-width line of their own: the pane is narrow, and both can be long. */}
      <tr className="attempt-more-row">
        <td colSpan={4}>
          <div className="task-line">
            <span className="muted">{t('review.attempts.task')}:</span>{' '}
            {attempt.taskId ? (
              <>
                <code className="task-id" title={attempt.taskId} data-testid={`task-id-${attempt.attemptId}`}>
                  {attempt.taskId}
                </code>
                <CopyButton text={attempt.taskId} label={t('review.attempts.copyTask')} testId={`copy-task-${attempt.attemptId}`} />
              </>
            ) : (
              <span className="muted">{t('review.attempts.noTask')}</span>
            )}
          </div>
          {attempt.errorMessage && (
            <div className="attempt-error" data-testid={`attempt-error-${attempt.attemptId}`}>
              <span>{attempt.errorMessage}</span>
              {attempt.retryable !== null && (
                <span className={attempt.retryable ? 'retry-hint retry-yes' : 'retry-hint retry-no'}>
                  {attempt.retryable ? t('review.attempts.retryHelps') : t('review.attempts.retryWontHelp')}
                </span>
              )}
            </div>
          )}
        </td>
      </tr>
    </>
  );
}
