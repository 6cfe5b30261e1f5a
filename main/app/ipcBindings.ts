import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '../../shared/contract/errors.ts';
import { callChannel, callNames, eventChannel, type CallName } from '../../shared/contract/names.ts';
import type { GenvidCore } from '../core.ts';

const untrusted: CallResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This call came from a page that is not part of Genvid.' },
};

/**
 * Binds the contract to Electron IPC: every call goes through the core's validating dispatcher,
 * but only from our own app's top frame; every event goes to every window. `afterCall` hears of
 * each call answered (the menu follows a language change).
 */
export function bindIpc(core: GenvidCore, isAppUrl: (url: string) => boolean, afterCall: (name: CallName) => void = () => undefined): () => void {
  const isTrusted = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppUrl(frame.url);
  };
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), async (event, input: unknown) => {
      if (!isTrusted(event)) return untrusted;
      const result = await core.dispatch(name, input);
      afterCall(name);
      return result;
    });
  }
  const unsubscribe = core.events.subscribe(({ name, payload }) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of callNames) ipcMain.removeHandler(callChannel(name));
  };
}
