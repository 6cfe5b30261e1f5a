import type { LogLineView } from '../../../shared/contract/reviewSchemas.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { dateTimeFormat } from '../../i18n/formats.ts';

/** The engine's log lines about this row, oldest first, as they read in a log file. */
export function RowLogs(props: { logs: readonly LogLineView[] }) {
  const t = useT();
  const locale = useLocale();
  const time = dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const logs = [...props.logs].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  return (
    <section className="detail-section" aria-labelledby="detail-logs">
      <h3 id="detail-logs">{t('review.logs.title')}</h3>
      {logs.length === 0 ? (
        <p className="muted">{t('review.logs.none')}</p>
      ) : (
        <ol className="row-logs" data-testid="row-logs">
          {logs.map((line) => (
            <li key={line.id} className={`log-line log-${line.level}`}>
              <time className="log-time" dateTime={new Date(line.createdAt).toISOString()}>{time.format(line.createdAt)}</time>
              <span className="log-level">{t(`review.logLevel.${line.level}`)}</span>
              <span className="log-message">{line.message}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
