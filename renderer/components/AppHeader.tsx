import { useApi } from '../api/apiContext.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { SettingsPatch, Theme } from '../../shared/domain/settings.ts';
import { showToast } from './toastStore.ts';
import { useT } from '../i18n/useT.ts';
import { useAppStore, type View } from '../store/appStore.ts';
import { OpenSheetButton } from '../features/import/ImportHost.tsx';
import { LanguageOptions, ThemeOptions } from './ChoiceOptions.tsx';

export function AppHeader() {
  const api = useApi();
  const t = useT();
  const settings = useAppStore((state) => state.settings);
  const shell = useAppStore((state) => state.appInfo?.shell);
  const update = useAppStore((state) => state.updateSettings);
  const change = (patch: SettingsPatch) => void update(api, patch).catch((error: Error) => showToast({ kind: 'error', message: error.message }));
  const view = useAppStore((state) => state.view);
  const navigate = useAppStore((state) => state.navigate);
  const nav: { kind: View['kind']; label: 'nav.batches' | 'nav.gallery' | 'nav.settings'; to: View }[] = [
    { kind: 'batches', label: 'nav.batches', to: { kind: 'batches' } },
    { kind: 'gallery', label: 'nav.gallery', to: { kind: 'gallery' } },
    { kind: 'settings', label: 'nav.settings', to: { kind: 'settings' } },
  ];

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">▶</span>
        <span className="brand-name">{t('app.title')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
        {shell === 'browser' && <span className="badge">{t('app.browserModeBadge')}</span>}
      </div>
      <nav className="app-nav" aria-label={t('nav.label')}>
        {nav.map((item) => (
          <button
            key={item.kind}
            type="button"
            data-testid={`nav-${item.kind}`}
            aria-current={view.kind === item.kind || (item.kind === 'batches' && view.kind === 'batch') ? 'page' : undefined}
            onClick={() => navigate(item.to)}
          >
            {t(item.label)}
          </button>
        ))}
        {settings && <OpenSheetButton />}
      </nav>
      {settings && (
        <div className="header-controls">
          <label>
            <span>{t('settings.language')}</span>
            <select
              data-testid="language-select"
              value={settings.language}
              onChange={(event) => change({ language: event.target.value as Locale })}
            >
              <LanguageOptions />
            </select>
          </label>
          <label>
            <span>{t('settings.theme')}</span>
            <select
              data-testid="theme-select"
              value={settings.theme}
              onChange={(event) => change({ theme: event.target.value as Theme })}
            >
              <ThemeOptions />
            </select>
          </label>
        </div>
      )}
    </header>
  );
}
