import type { Settings } from '../../../shared/domain/settings.ts';
import { ProviderChoiceIdSchema, type ProviderChoiceId } from '../../../shared/providers/choices.ts';
import { useT } from '../../i18n/useT.ts';
import { errorText } from '../detail/errorText.ts';
import { Field } from './Field.tsx';
import { KeyStorageNote } from './KeyStorageNote.tsx';
import { ProviderCard } from './ProviderCard.tsx';
import { useFieldSave } from './useFieldSave.ts';
import { useProviders } from './useProviders.ts';
import { RetryBanner } from '../../components/RetryBanner.tsx';

/** Providers and keys: where keys are kept, the default provider, and one card per provider. */
export function ProvidersSection(props: { settings: Settings }) {
  const t = useT();
  const { state, reload, replace } = useProviders();
  const defaultField = useFieldSave();

  return (
    <section className="settings-section" aria-labelledby="settings-providers">
      <h2 id="settings-providers">{t('settingsScreen.providers.title')}</h2>
      <Field label={t('settingsScreen.providers.default')} hint={t('settingsScreen.providers.defaultHint')} error={defaultField.error}>
        {({ inputId, describedBy }) => (
          <select
            id={inputId}
            aria-describedby={describedBy}
            data-testid="default-provider"
            value={props.settings.defaultProvider}
            onChange={(event) => void defaultField.submit({ ok: true, value: event.target.value as ProviderChoiceId }, (value) => ({ defaultProvider: value }))}
          >
            {ProviderChoiceIdSchema.options.map((id) => (
              <option key={id} value={id}>
                {t(`provider.${id}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {state.kind === 'loading' && <p className="muted">{t('settingsScreen.providers.loading')}</p>}
      {state.kind === 'failed' && (
        <RetryBanner message={errorText(t, state.error)} onRetry={() => void reload()} />
      )}
      {state.kind === 'ready' && (
        <>
          <KeyStorageNote storage={state.info.keyStorage} />
          <div className="provider-cards">
            {state.info.providers.map((provider) => (
              <ProviderCard key={provider.id} provider={provider} settings={props.settings} onChanged={replace} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
