import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from './dispatcher.ts';
import type { EventHub } from './eventHub.ts';

export const WS_PATH = '/api';

/** Client → server: one call. Server → client: its result, or an event. */
export type WsClientMessage = { id: number; call: string; input?: unknown };
export type WsServerMessage =
  | { id: number; result: unknown }
  | { event: string; payload: unknown };

export interface WsBridgeOptions {
  server: Server;
  token: string;
  dispatch: Dispatch;
  events: EventHub;
  /** Largest message accepted; spreadsheets will travel over this socket. */
  maxPayloadBytes?: number;
}

/**
 * The browser-mode transport: the same contract as Electron IPC, over a WebSocket that only a page
 * served by this process on the loopback interface can open, and only with this launch's token.
 */
export function attachWsBridge({ server, token, dispatch, events, maxPayloadBytes = 80 * 1024 * 1024 }: WsBridgeOptions): {
  close(): Promise<void>;
} {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxPayloadBytes });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuse(request, server, token);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, dispatch, events));
  };
  server.on('upgrade', onUpgrade);

  return {
    close: () =>
      new Promise((resolve) => {
        server.off('upgrade', onUpgrade);
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** Why a connection is refused (an HTTP status line), or undefined to accept it. */
function refuse(request: IncomingMessage, server: Server, token: string): string | undefined {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : undefined;
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== WS_PATH) return '404 Not Found';
  if (!isLoopbackAddress(request.socket.remoteAddress)) return '403 Forbidden';
  // The Host check defeats DNS rebinding; the Origin check stops other sites' pages. Browsers always
  // send Origin on a WebSocket handshake; a local non-browser client may omit it, but still needs the token.
  const loopbackHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!loopbackHosts.has(request.headers.host ?? '')) return '403 Forbidden';
  const origin = request.headers.origin;
  if (origin !== undefined && !loopbackHosts.has(hostOfOrigin(origin))) return '403 Forbidden';
  if (!sameSecret(url.searchParams.get('token') ?? '', token)) return '401 Unauthorized';
  return undefined;
}

function hostOfOrigin(origin: string): string {
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'http:' ? parsed.host : '';
  } catch {
    return '';
  }
}

export function isLoopbackAddress(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serve(ws: WebSocket, dispatch: Dispatch, events: EventHub): void {
  const send = (message: WsServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = events.subscribe(({ name, payload }) => send({ event: name, payload }));
  ws.on('close', unsubscribe);
  ws.on('message', (data, isBinary) => {
    const message = isBinary ? undefined : parseClientMessage(data.toString());
    if (!message) {
      ws.close(1008, 'Messages must be JSON objects {id, call, input}.');
      return;
    }
    void dispatch(message.call, message.input).then((result) => send({ id: message.id, result }));
  });
}

function parseClientMessage(text: string): WsClientMessage | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { id, call, input } = value as Record<string, unknown>;
    if (typeof id !== 'number' || typeof call !== 'string') return undefined;
    return { id, call, input };
  } catch {
    return undefined;
  }
}
