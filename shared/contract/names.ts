// The names of every call and event, kept apart from the schemas so that the preload can build
// its API from them without bundling zod.

export const callNames = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'listBatches',
  'getRowsPage',
  'listProviders',
  'setProviderKey',
  'clearProviderKey',
  'testConnection',
  'getConnectivity',
  'listModels',
  'planBatch',
  'startBatch',
  'pauseBatch',
  'resumeBatch',
  'cancelBatch',
  'rerunRows',
  'getBatch',
  'openImport',
  'reviseImport',
  'commitImport',
  'closeImport',
  'getRowDetail',
  'setTakePick',
  'listGallery',
  'updateRows',
  'cancelRows',
  'exportBatch',
  'openFile',
] as const;
export type CallName = (typeof callNames)[number];

export const eventNames = ['rowPatches', 'attention', 'connectivity', 'openSheet'] as const;
export type EventName = (typeof eventNames)[number];

/** The API member that subscribes to an event: `rowPatches` → `onRowPatches`. */
export type SubscribeName<E extends EventName> = `on${Capitalize<E>}`;
export function subscribeName<E extends EventName>(event: E): SubscribeName<E> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as SubscribeName<E>;
}

/** Electron IPC channels. Prefixed so that nothing else on the bus can be mistaken for ours. */
export const callChannel = (name: CallName): string => `genvid:call:${name}`;
export const eventChannel = (name: EventName): string => `genvid:event:${name}`;

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && (callNames as readonly string[]).includes(value);
}
