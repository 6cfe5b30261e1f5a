import { Notification, safeStorage, shell } from 'electron';
import { FileKeyStore, type KeyStore } from '../keys/keyStore.ts';
import type { DesktopActions } from '../media/desktopActions.ts';

/** Keys encrypted with the OS keychain (Keychain, DPAPI, libsecret), in their own file in the data folder. */
export function keychainKeyStore(dataDir: string): KeyStore {
  return new FileKeyStore(dataDir, {
    file: 'keys.keychain.json',
    kind: 'os-keychain',
    encode: (key) => safeStorage.encryptString(key).toString('base64'),
    decode: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  });
}

export const electronDesktopActions: DesktopActions = {
  async open(path) {
    const failure = await shell.openPath(path);
    if (failure) throw new Error(failure);
  },
  async reveal(path) {
    shell.showItemInFolder(path);
  },
  notify(title, body) {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  },
};
