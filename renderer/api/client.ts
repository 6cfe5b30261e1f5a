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
    onRowPatches: (listener) => bridge.onRowPatches(listener),
  };
}
