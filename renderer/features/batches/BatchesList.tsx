import { useT, useLocale } from '../../i18n/useT.ts';
import { useAppStore } from '../../store/appStore.ts';
import { EmptyBatches } from './EmptyBatches.tsx';
import { dateTimeFormat } from '../../i18n/formats.ts';

export function BatchesList() {
  const t = useT();
  const locale = useLocale();
  const batches = useAppStore((state) => state.batches);
  const navigate = useAppStore((state) => state.navigate);
  if (batches.length === 0) return <EmptyBatches />;

  const dateFormat = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="batches-title">
      <h1 id="batches-title">{t('batches.title')}</h1>
      <table className="batches-table" data-testid="batches-table">
        <thead>
          <tr>
            <th scope="col">{t('batches.column.name')}</th>
            <th scope="col">{t('batches.column.status')}</th>
            <th scope="col" className="numeric">{t('batches.column.rows')}</th>
            <th scope="col" className="numeric">{t('batches.column.progress')}</th>
            <th scope="col">{t('batches.column.created')}</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => {
            const done = batch.statusCounts.done ?? 0;
            return (
              <tr key={batch.id}>
                <td>
                  <button type="button" className="link-button batch-name" data-testid={`open-batch-${batch.id}`} onClick={() => navigate({ kind: 'batch', batchId: batch.id })}>
                    {batch.name}
                  </button>
                  {batch.sourceFile && <div className="muted small">{batch.sourceFile}</div>}
                </td>
                <td>
                  <span className={`status-chip status-${batch.status}`}>{t(`batchStatus.${batch.status}`)}</span>
                </td>
                <td className="numeric">{batch.rowCount}</td>
                <td className="numeric">
                  <progress max={Math.max(batch.rowCount, 1)} value={done} aria-label={`${done}/${batch.rowCount}`} />{' '}
                  {done}/{batch.rowCount}
                </td>
                <td>{dateFormat.format(batch.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
