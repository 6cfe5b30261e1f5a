import { useT } from '../i18n/useT.ts';

/** Shown when the page cannot reach the engine at all (browser mode without a valid token). */
export function BridgeErrorScreen({ reason }: { reason: 'missing' | 'refused' }) {
  const t = useT();
  return (
    <main className="centered-message" data-app-state="bridge-error" role="alert">
      <h1>{t('app.title')}</h1>
      <p>{t(reason === 'missing' ? 'error.bridgeMissing' : 'error.bridgeRefused')}</p>
    </main>
  );
}
