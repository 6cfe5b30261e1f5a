import { useId, useState } from 'react';
import type { ProviderChoiceId } from '../../../shared/providers/choices.ts';
import { useApi } from '../../api/apiContext.ts';
import { showToast } from '../../components/toastStore.ts';
import { useT } from '../../i18n/useT.ts';
import { errorText } from '../detail/errorText.ts';
import type { ProvidersInfo } from './useProviders.ts';
import { parseKey } from './validators.ts';

/**
 * Entering a key. The input is a password field emptied as soon as main has the key: the renderer
 * holds it only while it is typed, and main never sends it back.
 */
export function ProviderKeyForm(props: { provider: Exclude<ProviderChoiceId, 'sandbox'>; hasStoredKey: boolean; onSaved: (info: ProvidersInfo) => void }) {
  const api = useApi();
  const t = useT();
  const inputId = useId();
  const errorId = useId();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = t(`provider.${props.provider}`);

  async function save() {
    const parsed = parseKey(key);
    if (!parsed.ok) {
      setError(t(parsed.message, parsed.params));
      return;
    }
    setBusy(true);
    try {
      const info = await api.setProviderKey({ provider: props.provider, key: parsed.value });
      setKey('');
      setError(null);
      props.onSaved(info);
      showToast({ kind: 'success', message: t('settingsScreen.keys.savedToast', { provider: name }) });
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      props.onSaved(await api.clearProviderKey({ provider: props.provider }));
      showToast({ kind: 'info', message: t('settingsScreen.keys.removedToast', { provider: name }) });
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="key-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={inputId}>{props.hasStoredKey ? t('settingsScreen.keys.replace') : t('settingsScreen.keys.enter')}</label>
      <div className="settings-control">
        <input
          id={inputId}
          type="password"
          className="settings-input"
          autoComplete="off"
          spellCheck={false}
          value={key}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          data-testid={`key-input-${props.provider}`}
          onChange={(event) => {
            setKey(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" disabled={busy || key.trim() === ''} data-testid={`key-save-${props.provider}`}>
          {t('settingsScreen.keys.save')}
        </button>
        {props.hasStoredKey && (
          <button type="button" disabled={busy} data-testid={`key-remove-${props.provider}`} onClick={() => void remove()}>
            {t('settingsScreen.keys.remove')}
          </button>
        )}
      </div>
      {error && (
        <p id={errorId} className="settings-error" role="alert" data-testid={`key-error-${props.provider}`}>
          {error}
        </p>
      )}
    </form>
  );
}
