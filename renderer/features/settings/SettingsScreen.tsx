import { useT } from '../../i18n/useT.ts';
import { useAppStore } from '../../store/appStore.ts';
import { AppearanceSection } from './AppearanceSection.tsx';
import { BudgetsSection } from './BudgetsSection.tsx';
import { ConcurrencySection } from './ConcurrencySection.tsx';
import { FilesSection } from './FilesSection.tsx';
import { ProvidersSection } from './ProvidersSection.tsx';
import './settings.css';

/** Settings: providers and keys, how batches run, what they may spend, where files go, and looks. */
export function SettingsScreen() {
  const t = useT();
  const settings = useAppStore((state) => state.settings);
  return (
    <div className="settings-screen" data-testid="settings-screen">
      <h1>{t('settingsScreen.title')}</h1>
      {settings ? (
        <>
          <ProvidersSection settings={settings} />
          <ConcurrencySection settings={settings} />
          <BudgetsSection settings={settings} />
          <FilesSection settings={settings} />
          <AppearanceSection settings={settings} />
        </>
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
    </div>
  );
}
