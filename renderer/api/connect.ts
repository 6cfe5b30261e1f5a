import type { GenvidBridge } from '../../shared/contract/api.ts';
import { connectWsBridge } from './wsBridge.ts';
import { browserPlatform, electronPlatform, type Platform } from './platform.ts';

declare global {
  interface Window {
    /** Installed by the Electron preload; absent in browser mode. */
    genvid?: GenvidBridge;
  }
}

export class BridgeUnavailableError extends Error {
  readonly reason: 'missing' | 'refused';
  constructor(reason: 'missing' | 'refused', message: string) {
    super(message);
    this.reason = reason;
  }
}

const TOKEN_KEY = 'genvid.browserModeToken';

/**
 * Finds the transport: the preload's bridge in Electron, else browser mode's WebSocket, using the
 * token from the address's #token= fragment (kept for reloads in this tab's session storage).
 */
export async function connectBridge(): Promise<{ bridge: GenvidBridge; platform: Platform }> {
  if (window.genvid && window.genvidDesktop) return { bridge: window.genvid, platform: electronPlatform(window.genvidDesktop) };
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    // The token has no business in the address bar, bookmarks or screenshots.
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) throw new BridgeUnavailableError('missing', 'No Electron preload and no browser-mode token.');
  const url = `ws://${window.location.host}/api?token=${encodeURIComponent(token)}`;
  try {
    return { bridge: await connectWsBridge(url), platform: browserPlatform(token) };
  } catch (error) {
    sessionStorage.removeItem(TOKEN_KEY);
    throw new BridgeUnavailableError('refused', (error as Error).message);
  }
}
