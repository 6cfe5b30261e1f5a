import { ThemeSchema } from '../../shared/domain/settings.ts';
import { locales } from '../../shared/i18n/locale.ts';
import { useT } from '../i18n/useT.ts';

/** The languages, as the header's and Settings' pickers offer them, each named in the current language. */
export function LanguageOptions() {
  const t = useT();
  return locales.map((locale) => (
    <option key={locale} value={locale}>
      {t(`language.${locale}`)}
    </option>
  ));
}

/** The themes, as the header's and Settings' pickers offer them. */
export function ThemeOptions() {
  const t = useT();
  return ThemeSchema.options.map((theme) => (
    <option key={theme} value={theme}>
      {t(`settings.theme.${theme}`)}
    </option>
  ));
}
