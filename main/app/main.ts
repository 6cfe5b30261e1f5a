// The desktop app's entry: the only place, with its siblings, that imports Electron. It opens the
// same core that browser mode and the tests run, and binds it to a hardened window.
import { app, BrowserWindow, dialog, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCore, type GenvidCore } from '../core.ts';
import { resolveDataDir } from '../paths/dataDir.ts';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy.ts';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './appProtocol.ts';
import { bindIpc } from './ipcBindings.ts';
import { electronDesktopActions, keychainKeyStore } from './desktopIntegration.ts';
import { MEDIA_SCHEME, serveMedia } from './mediaProtocol.ts';
import { notifyAttention } from '../api/attentionNotifier.ts';
import { installAppMenu } from './appMenu.ts';
import { createMainWindow } from './mainWindow.ts';
import { denyPermissions } from './security.ts';

const preload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
// Set by `electron-vite dev`: the renderer then comes from Vite's dev server, with hot reload.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

const isAppUrl = (url: string) =>
  url.startsWith(`${APP_ORIGIN}/`) || (devServerUrl !== undefined && url.startsWith(devServerUrl));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Genvid already owns the data folder; it is brought to the front instead.
  app.quit();
} else {
  let core: GenvidCore | undefined;

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    const { values } = parseArgs({ args: process.argv.slice(1), options: { 'data-dir': { type: 'string' } }, strict: false });
    const flag = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
    const dataDir = resolveDataDir({ flag, env: process.env, platform: process.platform, homeDir: app.getPath('home') });
    app.setPath('userData', dataDir);
    try {
      core = openCore({
        dataDir,
        shell: 'electron',
        electronVersion: process.versions.electron,
        locale: app.getLocale(),
        keyStore: keychainKeyStore(dataDir),
        desktop: electronDesktopActions,
      });
    } catch (error) {
      dialog.showErrorBox('Genvid cannot start', `Genvid could not open its data folder ${dataDir}.\n\n${(error as Error).message}`);
      app.exit(1);
      return;
    }
    denyPermissions(session.defaultSession);
    if (!devServerUrl) serveRenderer(rendererDir, contentSecurityPolicy({ mediaSources: [`${MEDIA_SCHEME}:`] }));
    serveMedia(core, devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN);
    const reinstallMenu = installAppMenu(core);
    // The menu speaks the app's language: set it again when Settings change it.
    bindIpc(core, isAppUrl, (name) => {
      if (name === 'updateSettings') reinstallMenu();
    });
    notifyAttention(core, electronDesktopActions);
    const open = () => createMainWindow({ preload, url: devServerUrl ?? `${APP_ORIGIN}/index.html`, isAppUrl });
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Closing flushes the last row changes, stops the Sandbox and closes the database before exit.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
