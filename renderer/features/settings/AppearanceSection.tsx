import type { Settings, Theme } from '../../../shared/domain/settings.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { useT } from '../../i18n/useT.ts';
import { Field } from './Field.tsx';
import { useFieldSave } from './useFieldSave.ts';
import { LanguageOptions, ThemeOptions } from '../../components/ChoiceOptions.tsx';

/** Language, theme and notifications: choices that apply the moment they are made. */
export function AppearanceSection(props: { settings: Settings }) {
  const t = useT();
  const language = useFieldSave();
  const theme = useFieldSave();
  const notifications = useFieldSave();
  const { settings } = props;

  return (
    <section className="settings-section" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">{t('settingsScreen.appearance.title')}</h2>
      <Field label={t('settings.language')} error={language.error}>
        {({ inputId, describedBy }) => (
          <select
            id={inputId}
            aria-describedby={describedBy}
            data-testid="settings-language"
            value={settings.language}
            onChange={(event) => void language.submit({ ok: true, value: event.target.value as Locale }, (value) => ({ language: value }))}
          >
            <LanguageOptions />
          </select>
        )}
      </Field>
      <Field label={t('settings.theme')} error={theme.error}>
        {({ inputId, describedBy }) => (
          <select
            id={inputId}
            aria-describedby={describedBy}
            data-testid="settings-theme"
            value={settings.theme}
            onChange={(event) => void theme.submit({ ok: true, value: event.target.value as Theme }, (value) => ({ theme: value }))}
          >
            <ThemeOptions />
          </select>
        )}
      </Field>
      <Field label={t('settingsScreen.notifications.label')} hint={t('settingsScreen.notifications.hint')} error={notifications.error}>
        {({ inputId, describedBy }) => (
          <input
            id={inputId}
            type="checkbox"
            aria-describedby={describedBy}
            data-testid="settings-notifications"
            checked={settings.notifications}
            onChange={(event) => void notifications.submit({ ok: true, value: event.target.checked }, (value) => ({ notifications: value }))}
          />
        )}
      </Field>
    </section>
  );
}
