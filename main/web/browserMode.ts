import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { attachWsBridge, isLoopbackAddress, sameSecret, WS_PATH } from '../api/wsBridge.ts';
import { mediaFileOf } from '../media/mediaFiles.ts';
import { serveVideo } from '../media/serveVideo.ts';
import type { GenvidCore } from '../core.ts';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy.ts';

export interface BrowserModeOptions {
  core: GenvidCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
}

export interface BrowserModeServer {
  /** The address to open, token included (in the fragment, so it never reaches a server log). */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export const HOST = '127.0.0.1';
const MEDIA_PATH = '/media/';

/** Serves the renderer and the contract's WebSocket on the loopback interface only. */
export async function startBrowserMode({ core, rendererDir, port, token = newToken() }: BrowserModeOptions): Promise<BrowserModeServer> {
  let csp = contentSecurityPolicy();
  const serveStatic = sirv(rendererDir, {
    single: true,
    etag: true,
    setHeaders: (res) => {
      res.setHeader('Content-Security-Policy', csp);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader('Cache-Control', 'no-cache');
    },
  });
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (req.url?.startsWith(MEDIA_PATH)) {
      serveMedia(req, res);
      return;
    }
    serveStatic(req, res, () => {
      res.writeHead(404).end();
    });
  });
  // Videos by attempt id, with this launch's token (a <video> cannot send headers), from the
  // output folder only: the same confinement as the desktop app's media protocol.
  const serveMedia = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const attemptId = Number(/^\/media\/(\d+)$/.exec(url.pathname)?.[1]);
    if (!isLoopbackAddress(req.socket.remoteAddress) || !sameSecret(url.searchParams.get('token') ?? '', token)) {
      res.writeHead(403).end();
      return;
    }
    const file = Number.isSafeInteger(attemptId) ? mediaFileOf(core.store, attemptId, core.settings().outputDir) : undefined;
    if (!file) res.writeHead(404).end();
    else serveVideo(req, res, file);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  csp = contentSecurityPolicy({ connectSources: [`ws://${HOST}:${actualPort}${WS_PATH}`] });
  const bridge = attachWsBridge({ server, token, dispatch: core.dispatch, events: core.events });
  return {
    url: `http://${HOST}:${actualPort}/#token=${token}`,
    port: actualPort,
    token,
    async close() {
      await bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}
