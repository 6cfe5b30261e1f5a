import { useEffect } from 'react';
import { useApi } from './api/apiContext.ts';
import { BatchesList } from './features/batches/BatchesList.tsx';
import { AppHeader } from './components/AppHeader.tsx';
import { useThemeAttribute } from './components/useThemeAttribute.ts';
import { useLocale, useT } from './i18n/useT.ts';
import { useAppStore } from './store/appStore.ts';
import { useRowsStore } from './store/rowsStore.ts';
import type { ApiErrorCode } from '../shared/contract/errors.ts';

export function App() {
  const api = useApi();
  const t = useT();
  const locale = useLocale();
  const load = useAppStore((state) => state.load);
  const theme = useAppStore((state) => state.settings?.theme);
  useThemeAttribute(theme);

  useEffect(() => {
    void useAppStore.getState().start(api);
    return api.onRowPatches(({ patches }) => useRowsStore.getState().applyPatches(patches));
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <div className="app" data-app-state={load.kind}>
      <AppHeader />
      <main className="app-main">
        {load.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {load.kind === 'failed' && (
          <div className="error-banner" role="alert">
            <p>{t(`error.${load.code as ApiErrorCode}`, { details: load.message })}</p>
            <button type="button" onClick={() => void useAppStore.getState().start(api)}>
              {t('error.retry')}
            </button>
          </div>
        )}
        {load.kind === 'ready' && <BatchesList />}
      </main>
    </div>
  );
}
