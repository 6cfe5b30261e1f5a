import { useState } from 'react';
import type { z } from 'zod';
import type { ConnectionTestSchema } from '../../../shared/contract/providerSchemas.ts';
import type { ProviderChoiceId } from '../../../shared/providers/choices.ts';
import { useApi } from '../../api/apiContext.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { errorText } from '../detail/errorText.ts';
import { formatAmount } from '../detail/money.ts';

type Result = { kind: 'idle' } | { kind: 'testing' } | { kind: 'done'; test: z.infer<typeof ConnectionTestSchema> } | { kind: 'error'; message: string };

/** "Test connection": reaches the provider with the saved key and shows the balance where it reports one. */
export function ConnectionTest(props: { provider: ProviderChoiceId }) {
  const api = useApi();
  const t = useT();
  const locale = useLocale();
  const [result, setResult] = useState<Result>({ kind: 'idle' });

  async function run() {
    setResult({ kind: 'testing' });
    try {
      setResult({ kind: 'done', test: await api.testConnection({ provider: props.provider }) });
    } catch (error) {
      setResult({ kind: 'error', message: errorText(t, error) });
    }
  }

  let text: string | null = null;
  let ok = false;
  if (result.kind === 'testing') text = t('settingsScreen.test.testing');
  if (result.kind === 'error') text = result.message;
  if (result.kind === 'done') {
    ok = result.test.ok;
    const { balance, message } = result.test;
    if (!ok) text = t('settingsScreen.test.failed', { message: message ?? t('settingsScreen.test.noDetail') });
    else if (balance) text = t('settingsScreen.test.okBalance', { balance: formatAmount(locale, t, balance.amount, balance.unit) });
    else text = t('settingsScreen.test.ok');
  }

  return (
    <div className="connection-test">
      <button type="button" disabled={result.kind === 'testing'} data-testid={`test-connection-${props.provider}`} onClick={() => void run()}>
        {t('settingsScreen.test.button')}
      </button>
      <span
        className={`connection-result ${ok ? 'connection-ok' : result.kind === 'testing' ? '' : 'connection-failed'}`}
        role="status"
        data-testid={`connection-result-${props.provider}`}
        data-ok={result.kind === 'done' ? String(ok) : undefined}
      >
        {text}
      </span>
    </div>
  );
}
