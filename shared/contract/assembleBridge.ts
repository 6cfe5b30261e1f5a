import type { GenvidBridge } from './api.ts';
import type { CallName, EventName, SubscribeName } from './names.ts';

export type CallFactory = <K extends CallName>(name: K) => GenvidBridge[K];
export type SubscriptionFactory = <E extends EventName>(name: E) => GenvidBridge[SubscribeName<E>];

/**
 * Builds a transport's bridge: the one list of every call and event, so each transport supplies
 * only how to send a call and how to listen for an event. A call missing here is a type error.
 */
export function assembleBridge(call: CallFactory, subscription: SubscriptionFactory): GenvidBridge {
  return {
    getAppInfo: call('getAppInfo'),
    getSettings: call('getSettings'),
    updateSettings: call('updateSettings'),
    listBatches: call('listBatches'),
    getRowsPage: call('getRowsPage'),
    listProviders: call('listProviders'),
    listModels: call('listModels'),
    planBatch: call('planBatch'),
    startBatch: call('startBatch'),
    pauseBatch: call('pauseBatch'),
    resumeBatch: call('resumeBatch'),
    cancelBatch: call('cancelBatch'),
    rerunRows: call('rerunRows'),
    setProviderKey: call('setProviderKey'),
    clearProviderKey: call('clearProviderKey'),
    testConnection: call('testConnection'),
    getConnectivity: call('getConnectivity'),
    getBatch: call('getBatch'),
    openImport: call('openImport'),
    reviseImport: call('reviseImport'),
    commitImport: call('commitImport'),
    closeImport: call('closeImport'),
    getRowDetail: call('getRowDetail'),
    setTakePick: call('setTakePick'),
    listGallery: call('listGallery'),
    updateRows: call('updateRows'),
    cancelRows: call('cancelRows'),
    exportBatch: call('exportBatch'),
    openFile: call('openFile'),
    onRowPatches: subscription('rowPatches'),
    onAttention: subscription('attention'),
    onConnectivity: subscription('connectivity'),
    onOpenSheet: subscription('openSheet'),
  } satisfies GenvidBridge;
}
