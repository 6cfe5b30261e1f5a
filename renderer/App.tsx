import { useEffect } from 'react';
import { useApi } from './api/apiContext.ts';
import { BatchesList } from './features/batches/BatchesList.tsx';
import { BatchView } from './features/batch/BatchView.tsx';
import { Gallery } from './features/gallery/Gallery.tsx';
import { ImportHost } from './features/import/ImportHost.tsx';
import { SettingsScreen } from './features/settings/SettingsScreen.tsx';
import { AppHeader } from './components/AppHeader.tsx';
import { OfflineBanner } from './components/OfflineBanner.tsx';
import { useConnectivity } from './components/useConnectivity.ts';
import { Toasts } from './components/Toasts.tsx';
import { useAttentionToasts } from './components/useAttentionToasts.ts';
import { useThemeAttribute } from './components/useThemeAttribute.ts';
import { useLocale, useT } from './i18n/useT.ts';
import { useAppStore } from './store/appStore.ts';
import { useRowsStore } from './store/rowsStore.ts';
import type { ApiErrorCode } from '../shared/contract/errors.ts';
import { RetryBanner } from './components/RetryBanner.tsx';

export function App() {
  const api = useApi();
  const t = useT();
  const locale = useLocale();
  const load = useAppStore((state) => state.load);
  const view = useAppStore((state) => state.view);
  const theme = useAppStore((state) => state.settings?.theme);
  useThemeAttribute(theme);
  useAttentionToasts(api);
  const outages = useConnectivity(api);

  useEffect(() => {
    void useAppStore.getState().start(api);
    return api.onRowPatches(({ patches, batches }) => {
      useRowsStore.getState().applyPatches(patches);
      useAppStore.getState().mergeBatches(batches);
    });
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <div className="app" data-app-state={load.kind} data-view={view.kind}>
      <AppHeader />
      <OfflineBanner outages={outages} />
      <main className={view.kind === 'batch' ? 'app-main app-main-full' : 'app-main'}>
        {load.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {load.kind === 'failed' && (
          <RetryBanner message={t(`error.${load.code as ApiErrorCode}`, { details: load.message })} onRetry={() => void useAppStore.getState().start(api)} />
        )}
        {load.kind === 'ready' && view.kind === 'batches' && <BatchesList />}
        {load.kind === 'ready' && view.kind === 'batch' && <BatchView key={view.batchId} batchId={view.batchId} />}
        {load.kind === 'ready' && view.kind === 'gallery' && <Gallery {...(view.batchId !== undefined ? { batchId: view.batchId } : {})} />}
        {load.kind === 'ready' && view.kind === 'settings' && <SettingsScreen />}
      </main>
      {load.kind === 'ready' && <ImportHost />}
      <Toasts />
    </div>
  );
}
