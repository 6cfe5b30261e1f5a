import { BrowserWindow, dialog, Menu } from 'electron';
import { SHEET_EXTENSIONS } from '../../shared/domain/sheetFiles.ts';
import { translate } from '../../shared/i18n/translate.ts';
import type { GenvidCore } from '../core.ts';
import { appMenuTemplate } from './appMenuTemplate.ts';

/**
 * Sets the menu bar and returns the function that sets it again (after the language changes).
 * File ▸ Open a sheet… asks for a file with the system's dialog and hands its path to the
 * renderer, whose import dialog then reads it through main like a dropped file.
 */
export function installAppMenu(core: GenvidCore): () => void {
  const openSheet = async () => {
    const t = (key: 'menu.openSheetTitle' | 'menu.sheets') => translate(core.settings().language, key);
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options = { title: t('menu.openSheetTitle'), properties: ['openFile' as const], filters: [{ name: t('menu.sheets'), extensions: [...SHEET_EXTENSIONS] }] };
    const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const path = chosen.filePaths[0];
    if (!chosen.canceled && path) core.events.emit('openSheet', { path });
  };
  const install = () => Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ locale: core.settings().language, platform: process.platform, openSheet: () => void openSheet() })));
  install();
  return install;
}
