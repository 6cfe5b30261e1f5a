import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadCatalog } from '../providers/catalog/loadCatalog.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import { scaledClock, type Clock } from '../clock/clock.ts';
import type { FaultSpec } from './faults.ts';
import { sendJson, type SimRequest } from './httpKit.ts';
import { seededRandom } from './random.ts';
import { adminRoutes } from './routes/adminRoutes.ts';
import { FAL_PREFIX, falRoutes } from './routes/falRoutes.ts';
import { fileRoutes } from './routes/fileRoutes.ts';
import { hangKeeper } from './routes/hang.ts';
import { kieRoutes } from './routes/kieRoutes.ts';
import { openaiRoutes } from './routes/openaiRoutes.ts';
import { SimWorld, type WorldOptions } from './world.ts';

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Accepted keys (on every provider's auth scheme). Default: `sandbox-key`. */
  keys?: readonly string[];
  /** Time scale: 600 makes a 3-minute generation take 300 ms. Ignored when `clock` is given. */
  speed?: number;
  clock?: Clock;
  catalog?: Catalog;
  seed?: number;
  faults?: readonly FaultSpec[];
  reportProgress?: boolean;
  balance?: WorldOptions['balance'];
  kieLimits?: WorldOptions['kieLimits'];
  linkTtlMs?: WorldOptions['linkTtlMs'];
  moderationMarker?: WorldOptions['moderationMarker'];
}

export interface RunningSimulator {
  readonly url: string;
  /** Where each provider's adapter should point. */
  readonly baseUrls: { kie: string; fal: string; openai: string };
  readonly world: SimWorld;
  /**
   * Stops answering on the network (connections are refused, as when the machine is offline or
   * the provider is down) or starts again on the same address; the world and its jobs go on.
   */
  setOnline(online: boolean): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_SANDBOX_KEY = 'sandbox-key';

/** A local HTTP server speaking KIE, fal and OpenAI `/v1/videos`, on 127.0.0.1 only. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const world = new SimWorld({
    catalog: options.catalog ?? loadCatalog().catalog,
    clock: options.clock ?? scaledClock(options.speed ?? 1),
    keys: options.keys ?? [DEFAULT_SANDBOX_KEY],
    random: seededRandom(options.seed ?? 1),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.reportProgress === undefined ? {} : { reportProgress: options.reportProgress }),
    ...(options.balance ? { balance: options.balance } : {}),
    ...(options.kieLimits ? { kieLimits: options.kieLimits } : {}),
    ...(options.linkTtlMs ? { linkTtlMs: options.linkTtlMs } : {}),
    ...(options.moderationMarker ? { moderationMarker: options.moderationMarker } : {}),
  });
  let url = '';
  const base = () => url;
  const keeper = hangKeeper();
  const files = fileRoutes(world, base);
  const routes = [
    kieRoutes(world, files.links, keeper.hang),
    falRoutes(world, files.links, keeper.hang, base),
    openaiRoutes(world, keeper.hang),
    adminRoutes(world),
    async (req: SimRequest) => files.route(req),
  ];

  const server = createServer((raw, res) => {
    const request = simRequest(raw, res);
    void (async () => {
      for (const route of routes) if (await route(request)) return;
      sendJson(res, 404, { error: `No such endpoint: ${raw.method} ${request.url.pathname}` });
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: `simulator bug: ${(error as Error).message}` });
      else res.destroy();
    });
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      keeper.releaseAll();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrls: { kie: url, fal: `${url}${FAL_PREFIX}`, openai: url },
    world,
    setOnline: async (online) => {
      if (online === server.listening) return;
      await (online ? listen(port) : stop());
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}

function simRequest(raw: IncomingMessage, res: SimRequest['res']): SimRequest {
  let body: Promise<Buffer> | undefined;
  return {
    method: raw.method ?? 'GET',
    url: new URL(raw.url ?? '/', 'http://127.0.0.1'),
    headers: raw.headers,
    raw,
    res,
    body: () =>
      (body ??= new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        raw.on('data', (chunk: Buffer) => chunks.push(chunk));
        raw.on('end', () => resolve(Buffer.concat(chunks)));
        raw.on('error', reject);
      })),
  };
}
