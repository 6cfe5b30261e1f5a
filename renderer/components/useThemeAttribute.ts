import { useEffect } from 'react';
import type { Theme } from '../../shared/domain/settings.ts';

/** Puts the chosen theme on <html data-theme>, following the OS when the choice is "system". */
export function useThemeAttribute(theme: Theme | undefined): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme && theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => (root.dataset.theme = query.matches ? 'dark' : 'light');
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}
