// The sandboxed preload: one function per call and one subscribe function per event, each bound
// to its own channel. It forwards only; main validates every input. Bundled into one CommonJS file.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { GenvidBridge } from '../shared/contract/api.ts';
import { assembleBridge } from '../shared/contract/assembleBridge.ts';
import { callChannel, eventChannel, type CallName, type EventName, type SubscribeName } from '../shared/contract/names.ts';

function call<K extends CallName>(name: K): GenvidBridge[K] {
  const channel = callChannel(name);
  return ((input?: unknown) => ipcRenderer.invoke(channel, input)) as GenvidBridge[K];
}

function subscription<E extends EventName>(name: E): GenvidBridge[SubscribeName<E>] {
  const channel = eventChannel(name);
  return ((listener: (payload: unknown) => void) => {
    // The IpcRendererEvent stays here: the page sees only the payload.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  }) as GenvidBridge[SubscribeName<E>];
}

const bridge = assembleBridge(call, subscription) satisfies GenvidBridge;

contextBridge.exposeInMainWorld('genvid', bridge);
// A dropped file's path: sandboxed pages no longer see File.path, and only the preload may ask.
contextBridge.exposeInMainWorld('genvidDesktop', { pathForFile: (file: File) => webUtils.getPathForFile(file) });
