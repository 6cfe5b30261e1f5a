import { useApi } from '../api/apiContext.ts';
import { locales, type Locale } from '../../shared/i18n/locale.ts';
import { ThemeSchema, type Theme } from '../../shared/domain/settings.ts';
import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../store/appStore.ts';

export function AppHeader() {
  const api = useApi();
  const t = useT();
  const settings = useAppStore((state) => state.settings);
  const shell = useAppStore((state) => state.appInfo?.shell);
  const update = useAppStore((state) => state.updateSettings);

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">▶</span>
        <span className="brand-name">{t('app.title')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
        {shell === 'browser' && <span className="badge">{t('app.browserModeBadge')}</span>}
      </div>
      {settings && (
        <div className="header-controls">
          <label>
            <span>{t('settings.language')}</span>
            <select
              data-testid="language-select"
              value={settings.language}
              onChange={(event) => void update(api, { language: event.target.value as Locale })}
            >
              {locales.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`language.${locale}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('settings.theme')}</span>
            <select
              data-testid="theme-select"
              value={settings.theme}
              onChange={(event) => void update(api, { theme: event.target.value as Theme })}
            >
              {ThemeSchema.options.map((theme) => (
                <option key={theme} value={theme}>
                  {t(`settings.theme.${theme}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </header>
  );
}
