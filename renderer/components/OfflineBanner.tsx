import type { Outage } from '../../shared/contract/providerSchemas.ts';
import { dateTimeFormat } from '../i18n/formats.ts';
import { useLocale, useT } from '../i18n/useT.ts';

/**
 * Shown while a provider cannot be reached, and gone by itself when it answers again. Work on it
 * waits rather than failing, which is what the creator most needs to hear.
 */
export function OfflineBanner(props: { outages: Outage[] }) {
  const t = useT();
  const locale = useLocale();
  if (props.outages.length === 0) return null;
  const time = dateTimeFormat(locale, { timeStyle: 'medium' });
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      {/* One provider can be out at two addresses (batches sent to a gateway and to the provider). */}
      {props.outages.map((outage, index) => (
        <p key={`${outage.provider}-${index}`} data-provider={outage.provider}>
          <strong>{t('offline.title', { provider: t(`provider.${outage.provider}`), since: time.format(outage.since) })}</strong>{' '}
          {t('offline.body', { next: time.format(outage.nextCheckAt) })}{' '}
          <span className="muted small" title={outage.detail}>
            {t('offline.detail', { detail: outage.detail })}
          </span>
        </p>
      ))}
    </div>
  );
}
