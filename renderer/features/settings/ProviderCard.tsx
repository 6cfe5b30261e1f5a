import type { Settings } from '../../../shared/domain/settings.ts';
import type { ProviderStatus } from '../../../shared/contract/providerSchemas.ts';
import { useT } from '../../i18n/useT.ts';
import { ConnectionTest } from './ConnectionTest.tsx';
import { ProviderKeyForm } from './ProviderKeyForm.tsx';
import { TextSetting } from './TextSetting.tsx';
import type { ProvidersInfo } from './useProviders.ts';
import { parseBaseUrl } from './validators.ts';

/** One provider: whether it has a key (only its last characters), a new key, a test, its address. */
export function ProviderCard(props: { provider: ProviderStatus; settings: Settings; onChanged: (info: ProvidersInfo) => void }) {
  const t = useT();
  const { provider, settings } = props;
  const id = provider.id;

  return (
    <article className="provider-card" aria-labelledby={`provider-${id}-title`} data-testid={`provider-${id}`}>
      <header className="provider-card-header">
        <h3 id={`provider-${id}-title`}>{t(`provider.${id}`)}</h3>
        {provider.simulated && <span className="badge">{t('settingsScreen.providers.simulatedBadge')}</span>}
        {settings.defaultProvider === id && <span className="badge badge-accent">{t('settingsScreen.providers.defaultBadge')}</span>}
      </header>
      {id === 'sandbox' || !provider.needsKey ? (
        <p className="muted" data-testid={`key-status-${id}`}>
          {provider.simulated ? t('settingsScreen.providers.simulatedNote') : t('settingsScreen.providers.noKeyNeeded')}
        </p>
      ) : (
        <>
          <p className="key-status" data-testid={`key-status-${id}`}>
            {!provider.key.present && t('settingsScreen.keys.none')}
            {provider.key.present && provider.key.source === 'environment' && t('settingsScreen.keys.fromEnvironment', { variable: `GENVID_${id.toUpperCase()}_KEY`, hint: lastChars(provider.key.hint) })}
            {provider.key.present && provider.key.source !== 'environment' && t('settingsScreen.keys.saved', { hint: lastChars(provider.key.hint) })}
          </p>
          <ProviderKeyForm provider={id} hasStoredKey={provider.key.source === 'store'} onSaved={props.onChanged} />
        </>
      )}
      <ConnectionTest provider={id} />
      {id !== 'sandbox' && (
        <TextSetting
          label={t('settingsScreen.providers.baseUrl')}
          hint={t('settingsScreen.providers.baseUrlHint', { url: provider.defaultBaseUrl ?? '' })}
          value={settings.baseUrls[id] ?? ''}
          placeholder={provider.defaultBaseUrl ?? undefined}
          testId={`base-url-${id}`}
          parse={parseBaseUrl}
          toPatch={(url) => {
            const { [id]: _old, ...others } = settings.baseUrls;
            return { baseUrls: url === null ? others : { ...others, [id]: url } };
          }}
        />
      )}
    </article>
  );
}

/** The key's last characters; main may already put an ellipsis before them, and the message adds its own. */
function lastChars(hint: string | null): string {
  return (hint ?? '').replace(/^[.…]+/, '');
}
