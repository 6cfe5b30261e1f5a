import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sampleVideoFor, type SampleVideo } from '../media.ts';
import type { SimRequest } from '../httpKit.ts';
import type { SimTask, SimWorld } from '../world.ts';

/** Result links for finished tasks: the direct one, and KIE's renewed 20-minute ones. */
export interface FileLinks {
  direct(task: SimTask): string;
  temporary(task: SimTask, ttlMs: number): string;
  taskOf(url: string): SimTask | undefined;
}

const FILE_PATH = /^\/files\/([0-9a-zA-Z_]+)\.mp4$/;

export function fileRoutes(world: SimWorld, baseUrl: () => string) {
  const temporary = new Map<string, { taskId: string; expiresAt: number }>();

  const links: FileLinks = {
    direct: (task) => `${baseUrl()}/files/${task.id}.mp4`,
    temporary(task, ttlMs) {
      const token = randomBytes(12).toString('hex');
      temporary.set(token, { taskId: task.id, expiresAt: world.clock.now() + ttlMs });
      return `${baseUrl()}/files/${task.id}.mp4?token=${token}`;
    },
    taskOf(url) {
      try {
        const id = FILE_PATH.exec(new URL(url).pathname)?.[1];
        return id ? world.task(id) : undefined;
      } catch {
        return undefined;
      }
    },
  };

  /** Serves a result file: public (no key), expiring, with Range and If-Range. */
  function route(req: SimRequest): boolean {
    const id = FILE_PATH.exec(req.url.pathname)?.[1];
    if (req.method !== 'GET' || !id) return false;
    world.count(undefined, 'files.get');
    const task = world.task(id);
    if (!task || world.view(task).state !== 'success') {
      notFound(req.res);
      return true;
    }
    const token = req.url.searchParams.get('token');
    const now = world.clock.now();
    const live = token
      ? (temporary.get(token)?.taskId === id && temporary.get(token)!.expiresAt >= now)
      : now <= world.linkExpiresAt(task) && !world.strikes('expired-url', task.provider, task.key, 'download');
    if (!live) {
      expired(req.res);
      return true;
    }
    serveRange(req, sampleVideoFor(task.request.aspectRatio), world.strikes('truncated-download', task.provider, task.key, 'download'));
    return true;
  }

  return { links, route };
}

/** Sends a file honouring `Range: bytes=N-` and If-Range; `truncate` stops halfway through. */
export function serveRange(req: SimRequest, video: SampleVideo, truncate: boolean): void {
  const size = video.bytes.length;
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  const ifRange = req.headers['if-range'];
  const useRange = range !== null && (ifRange === undefined || ifRange === video.etag);
  const start = useRange ? Number(range[1]) : 0;
  const end = useRange && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (start >= size) {
    req.res.writeHead(416, { 'Content-Range': `bytes */${size}` });
    req.res.end();
    return;
  }
  const headers: Record<string, string | number> = {
    'Content-Type': 'video/mp4',
    'Content-Length': end - start + 1,
    'Accept-Ranges': 'bytes',
    ETag: video.etag,
  };
  if (useRange) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  req.res.writeHead(useRange ? 206 : 200, headers);
  const slice = video.bytes.subarray(start, end + 1);
  if (truncate) {
    // Half the promised bytes, then the connection drops.
    req.res.write(slice.subarray(0, Math.floor(slice.length / 2)), () => req.res.destroy());
    return;
  }
  req.res.end(slice);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('Not Found');
}

/** What an expired signed storage link answers. */
function expired(res: ServerResponse): void {
  const body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
  res.writeHead(403, { 'Content-Type': 'application/xml' });
  res.end(body);
}
