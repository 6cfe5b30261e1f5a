import { sampleVideoFor } from '../media.ts';
import { keyFrom, sendHtmlErrorPage, sendJson, type SimRequest } from '../httpKit.ts';
import type { SimTask, SimWorld } from '../world.ts';
import { serveRange } from './fileRoutes.ts';
import type { Hang } from './hang.ts';

const VIDEO_PATH = /^\/v1\/videos\/([^/]+)(\/content)?$/;

function apiError(req: SimRequest, status: number, message: string, extra: { type?: string; code?: string | null; param?: string | null } = {}, headers: Record<string, string> = {}): void {
  sendJson(req.res, status, { error: { message, type: extra.type ?? 'invalid_request_error', param: extra.param ?? null, code: extra.code ?? null } }, headers);
}

/**
 * OpenAI's `/v1/videos` as gateways still speak it: JSON or multipart creates, the video object with
 * progress and an `openai-poll-after-ms` hint, and `/content` behind the key, expiring after an hour.
 */
export function openaiRoutes(world: SimWorld, hang: Hang) {
  async function create(req: SimRequest, key: string): Promise<void> {
    if (world.strikes('rate-limit-429', 'openai', key, 'create')) {
      return apiError(req, 429, 'Rate limit reached for requests. Please try again in 2s.', { type: 'requests', code: 'rate_limit_exceeded' }, { 'retry-after-ms': '2000', 'retry-after': '2' });
    }
    if (world.strikes('create-455', 'openai', key, 'create')) return apiError(req, 503, 'The engine is currently overloaded, please try again later.', { type: 'server_error' });
    if (world.strikes('create-5xx', 'openai', key, 'create')) return apiError(req, 500, 'The server had an error while processing your request.', { type: 'server_error' });
    const fields = await readCreateFields(req);
    if (!fields) return apiError(req, 400, 'The body must be JSON or multipart/form-data.');
    const { model = 'sora-2', ...rest } = fields;
    if (typeof model !== 'string') return apiError(req, 400, 'model must be a string', { param: 'model' });
    const outcome = world.createTask({ provider: 'openai', protocol: 'openai-videos', key, wireModel: model, input: rest });
    if (!outcome.ok) {
      if (outcome.reason === 'unknown_model' || outcome.reason === 'retired') {
        const why = outcome.reason === 'retired' ? outcome.message : `The model \`${model}\` does not exist or you do not have access to it.`;
        return apiError(req, 404, why, { code: 'model_not_found', param: 'model' });
      }
      if (outcome.reason === 'insufficient_credits') {
        return apiError(req, 429, 'You exceeded your current quota, please check your plan and billing details.', { type: 'insufficient_quota', code: 'insufficient_quota' });
      }
      if (outcome.reason === 'rate_limited') return apiError(req, 429, outcome.message, { type: 'requests', code: 'rate_limit_exceeded' }, { 'retry-after-ms': '2000' });
      return apiError(req, 400, outcome.message, { param: outcome.field });
    }
    if (world.strikes('lost-create-response', 'openai', key, 'create')) {
      req.raw.socket.destroy();
      return;
    }
    sendJson(req.res, 200, videoObject(outcome.task));
  }

  function videoObject(task: SimTask): Record<string, unknown> {
    const view = world.view(task);
    const status = { waiting: 'queued', queuing: 'queued', generating: 'in_progress', success: 'completed', fail: 'failed', cancelled: 'failed' }[view.state];
    const completedAt = view.finishedAt === undefined ? null : Math.floor(view.finishedAt / 1000);
    return {
      id: task.id,
      object: 'video',
      model: task.variant.wireModel,
      status,
      progress: status === 'completed' ? 100 : world.reportProgress ? view.progress : 0,
      created_at: Math.floor(task.createdAt / 1000),
      completed_at: completedAt,
      expires_at: status === 'completed' ? Math.floor(world.linkExpiresAt(task) / 1000) : null,
      prompt: task.request.prompt,
      size: task.input.size ?? '720x1280',
      seconds: task.input.seconds ?? '4',
      remixed_from_video_id: null,
      error:
        status === 'failed'
          ? task.outcome.kind === 'fail' && task.outcome.cause === 'moderation'
            ? { code: 'moderation_blocked', message: 'Your request was blocked by our moderation system.' }
            : { code: 'internal_error', message: 'The video could not be generated due to an internal error.' }
          : null,
    };
  }

  /** A server-side hint: sooner as the video nears completion, never more often than once a second. */
  function pollAfterMs(task: SimTask): number {
    const remaining = task.endsAt - world.clock.now();
    return Math.round(Math.min(10_000, Math.max(1_000, remaining / 2)));
  }

  function content(req: SimRequest, task: SimTask): void {
    const view = world.view(task);
    if (view.state !== 'success') return apiError(req, 400, 'The video is not ready; wait for status completed.');
    const live = world.clock.now() <= world.linkExpiresAt(task) && !world.strikes('expired-url', 'openai', task.key, 'download');
    if (!live) return apiError(req, 404, 'The video content has expired.', { code: 'video_expired' });
    serveRange(req, sampleVideoFor(task.request.aspectRatio), world.strikes('truncated-download', 'openai', task.key, 'download'));
  }

  function list(req: SimRequest, key: string): void {
    const limit = Math.min(100, Math.max(1, Number(req.url.searchParams.get('limit') ?? 20)));
    const order = req.url.searchParams.get('order') === 'asc' ? 1 : -1;
    const after = req.url.searchParams.get('after');
    let videos = world.allTasks().filter((task) => task.key === key && task.provider === 'openai').sort((a, b) => order * (a.createdAt - b.createdAt));
    if (after) videos = videos.slice(videos.findIndex((task) => task.id === after) + 1);
    const page = videos.slice(0, limit).map(videoObject);
    sendJson(req.res, 200, { object: 'list', data: page, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null, has_more: videos.length > limit });
  }

  return async function route(req: SimRequest): Promise<boolean> {
    const path = req.url.pathname;
    const match = VIDEO_PATH.exec(path);
    const kind =
      path === '/v1/videos' ? (req.method === 'POST' ? 'create' : req.method === 'GET' ? 'list' : undefined)
      : match ? (match[2] ? (req.method === 'GET' ? 'content' : undefined) : req.method === 'GET' ? 'retrieve' : req.method === 'DELETE' ? 'delete' : undefined)
      : null;
    if (kind === null) return false;
    if (kind === undefined) {
      apiError(req, 405, 'Method not allowed');
      return true;
    }
    const key = keyFrom(req.headers, 'Bearer');
    world.count(key, `openai.${kind}`);
    const point = kind === 'create' ? 'create' : kind === 'retrieve' ? 'status' : kind === 'content' ? 'download' : 'other';
    if (world.strikes('hang', 'openai', key, point)) {
      hang(req);
      return true;
    }
    if (world.strikes('html-error-page', 'openai', key, point)) {
      sendHtmlErrorPage(req.res);
      return true;
    }
    if (!world.isKnownKey(key) || world.strikes('auth-401', 'openai', key, point)) {
      apiError(req, 401, 'Incorrect API key provided.', { code: 'invalid_api_key' });
      return true;
    }
    if (kind === 'create') await create(req, key);
    else if (kind === 'list') list(req, key);
    else {
      const task = world.task(match![1]!);
      if (!task || task.key !== key || task.provider !== 'openai') apiError(req, 404, `No video found with id '${match![1]}'.`, { code: 'not_found' });
      else if (kind === 'retrieve') {
        world.noteStatusQuery(task);
        sendJson(req.res, 200, videoObject(task), { 'openai-poll-after-ms': String(pollAfterMs(task)) });
      }
      else if (kind === 'content') content(req, task);
      else if (world.view(task).finishedAt === undefined) apiError(req, 400, 'Only completed or failed videos can be deleted.');
      else sendJson(req.res, 200, { id: task.id, object: 'video.deleted', deleted: true });
    }
    return true;
  };
}

/** The create's fields from JSON or multipart (as the official SDK sends them). */
async function readCreateFields(req: SimRequest): Promise<Record<string, unknown> | undefined> {
  const type = req.headers['content-type'] ?? '';
  const body = await req.body();
  if (type.startsWith('multipart/form-data')) {
    try {
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
      const fields: Record<string, unknown> = {};
      for (const [name, value] of form) fields[name] = typeof value === 'string' ? value : { file: value.name };
      return fields;
    } catch {
      return undefined;
    }
  }
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
