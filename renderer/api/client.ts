import type { GenvidApi, GenvidBridge } from '../../shared/contract/api.ts';
import { ApiCallError, type CallResult } from '../../shared/contract/errors.ts';

async function unwrap<T>(result: Promise<CallResult<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new ApiCallError(settled.error);
  return settled.value;
}

/** The renderer's API: the bridge's envelopes turned into values or ApiCallError rejections. */
export function createApi(bridge: GenvidBridge): GenvidApi {
  return {
    getAppInfo: () => unwrap(bridge.getAppInfo()),
    getSettings: () => unwrap(bridge.getSettings()),
    updateSettings: (patch) => unwrap(bridge.updateSettings(patch)),
    listBatches: () => unwrap(bridge.listBatches()),
    getRowsPage: (query) => unwrap(bridge.getRowsPage(query)),
    listProviders: () => unwrap(bridge.listProviders()),
    listModels: (query) => unwrap(bridge.listModels(query)),
    planBatch: (input) => unwrap(bridge.planBatch(input)),
    startBatch: (input) => unwrap(bridge.startBatch(input)),
    pauseBatch: (input) => unwrap(bridge.pauseBatch(input)),
    resumeBatch: (input) => unwrap(bridge.resumeBatch(input)),
    cancelBatch: (input) => unwrap(bridge.cancelBatch(input)),
    rerunRows: (input) => unwrap(bridge.rerunRows(input)),
    setProviderKey: (input) => unwrap(bridge.setProviderKey(input)),
    clearProviderKey: (input) => unwrap(bridge.clearProviderKey(input)),
    testConnection: (input) => unwrap(bridge.testConnection(input)),
    getConnectivity: () => unwrap(bridge.getConnectivity()),
    getBatch: (input) => unwrap(bridge.getBatch(input)),
    openImport: (input) => unwrap(bridge.openImport(input)),
    reviseImport: (input) => unwrap(bridge.reviseImport(input)),
    commitImport: (input) => unwrap(bridge.commitImport(input)),
    closeImport: (input) => unwrap(bridge.closeImport(input)),
    getRowDetail: (input) => unwrap(bridge.getRowDetail(input)),
    setTakePick: (input) => unwrap(bridge.setTakePick(input)),
    listGallery: (input) => unwrap(bridge.listGallery(input)),
    updateRows: (input) => unwrap(bridge.updateRows(input)),
    cancelRows: (input) => unwrap(bridge.cancelRows(input)),
    exportBatch: (input) => unwrap(bridge.exportBatch(input)),
    openFile: (input) => unwrap(bridge.openFile(input)),
    onRowPatches: (listener) => bridge.onRowPatches(listener),
    onAttention: (listener) => bridge.onAttention(listener),
    onConnectivity: (listener) => bridge.onConnectivity(listener),
    onOpenSheet: (listener) => bridge.onOpenSheet(listener),
  };
}
