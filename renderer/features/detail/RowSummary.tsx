import type { RowView } from '../../../shared/domain/batch.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { formatMicros } from './money.ts';

/** The row as the creator wrote it: its prompt and settings. */
export function RowSummary(props: { row: RowView; unit: 'credits' | 'usd' | null }) {
  const t = useT();
  const locale = useLocale();
  const { row } = props;
  const settings: [string, string | null][] = [
    [t('review.field.model'), row.model],
    [t('review.field.resolution'), row.resolution],
    [t('review.field.duration'), row.durationS !== null ? t('review.field.seconds', { seconds: row.durationS }) : null],
    [t('review.field.aspect'), row.aspect],
    [t('review.field.takes'), String(row.takes)],
    [t('review.field.priority'), String(row.priority)],
    [t('review.field.name'), row.name],
    [t('review.field.image'), row.imageUrl],
    [t('review.field.cost'), row.costMicros !== null && props.unit ? formatMicros(locale, t, row.costMicros, props.unit) : null],
  ];

  return (
      <section className="detail-section" aria-labelledby="detail-prompt">
        <h3 id="detail-prompt">{t('review.field.prompt')}</h3>
        <p className="detail-prompt" data-testid="row-prompt">
          {row.prompt || <span className="muted">{t('review.field.empty')}</span>}
        </p>
        <dl className="detail-settings">
          {settings
            .filter(([, value]) => value !== null && value !== '')
            .map(([label, value]) => (
              <div key={label} className="detail-setting">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>
  );
}
