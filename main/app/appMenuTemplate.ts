import type { MenuItemConstructorOptions } from 'electron';
import type { MessageKey } from '../../shared/i18n/en.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { translate } from '../../shared/i18n/translate.ts';

/**
 * The desktop app's menu bar, in the creator's language: File ▸ Open a sheet… (Ctrl/⌘+O) beside
 * the standard Edit menu (which the copy and paste shortcuts need on macOS), zoom and full screen,
 * and the window menu. No reload or developer tools: a reload mid-import loses the dialog, and the
 * tools have no use for a creator. Only Electron's types are imported, so it is tested under Node.
 */
export function appMenuTemplate(options: { locale: Locale; platform: NodeJS.Platform; openSheet: () => void }): MenuItemConstructorOptions[] {
  const t = (key: MessageKey) => translate(options.locale, key);
  const mac = options.platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    {
      label: t('menu.file'),
      submenu: [
        { id: 'open-sheet', label: t('menu.openSheet'), accelerator: 'CmdOrCtrl+O', click: () => options.openSheet() },
        { type: 'separator' },
        mac ? { role: 'close', label: t('menu.closeWindow') } : { role: 'quit', label: t('menu.quit') },
      ],
    },
    { role: 'editMenu', label: t('menu.edit') },
    {
      label: t('menu.view'),
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu', label: t('menu.window') },
  ];
}
