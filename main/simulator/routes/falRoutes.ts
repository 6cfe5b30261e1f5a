import { keyFrom, readJson, sendHtmlErrorPage, sendJson, type SimRequest } from '../httpKit.ts';
import type { SimTask, SimWorld } from '../world.ts';
import type { FileLinks } from './fileRoutes.ts';
import type { Hang } from './hang.ts';

export const FAL_PREFIX = '/fal';
const REQUEST_PATH = /^\/([^/]+)\/([^/]+)\/requests\/([^/]+)(\/status|\/cancel)?$/;

/**
 * fal's queue: submit to `/{endpoint}`, then the status, result and cancel URLs the submit answer
 * gives, which use the base model id without the endpoint's sub-path.
 */
export function falRoutes(world: SimWorld, links: FileLinks, hang: Hang, baseUrl: () => string) {
  const falBase = () => `${baseUrl()}${FAL_PREFIX}`;

  function requestUrls(task: SimTask) {
    const [owner, name] = task.variant.wireModel.split('/');
    const base = `${falBase()}/${owner}/${name}/requests/${task.id}`;
    return { status_url: `${base}/status`, response_url: base, cancel_url: `${base}/cancel` };
  }

  async function submit(req: SimRequest, key: string, endpoint: string): Promise<void> {
    if (world.strikes('rate-limit-429', 'fal', key, 'create')) return sendJson(req.res, 429, { detail: 'Too many requests' }, { 'Retry-After': '2' });
    if (world.strikes('create-455', 'fal', key, 'create')) return sendJson(req.res, 503, { detail: 'Service temporarily unavailable' });
    if (world.strikes('create-5xx', 'fal', key, 'create')) return sendJson(req.res, 500, { detail: 'Internal server error' });
    const input = (await readJson(req)) as Record<string, unknown> | undefined;
    if (!input || typeof input !== 'object') return sendJson(req.res, 422, { detail: [{ loc: ['body'], msg: 'The body must be a JSON object', type: 'value_error' }] });
    const outcome = world.createTask({ provider: 'fal', protocol: 'fal-queue', key, wireModel: endpoint, input });
    if (!outcome.ok) {
      if (outcome.reason === 'unknown_model' || outcome.reason === 'retired') return sendJson(req.res, 404, { detail: `Application '${endpoint}' not found` });
      if (outcome.reason === 'insufficient_credits') return sendJson(req.res, 402, { detail: 'Insufficient balance: top up your fal account.' });
      if (outcome.reason === 'rate_limited') return sendJson(req.res, 429, { detail: outcome.message });
      return sendJson(req.res, 422, { detail: [{ loc: ['body', outcome.field], msg: outcome.message, type: 'value_error' }] });
    }
    if (world.strikes('lost-create-response', 'fal', key, 'create')) {
      req.raw.socket.destroy();
      return;
    }
    sendJson(req.res, 200, { request_id: outcome.task.id, gateway_request_id: outcome.task.id, ...requestUrls(outcome.task) });
  }

  function status(req: SimRequest, task: SimTask): void {
    const view = world.noteStatusQuery(task);
    if (view.state === 'waiting' || view.state === 'queuing') {
      const ahead = world.allTasks().filter((other) => other.key === task.key && other.createdAt < task.createdAt && world.view(other).state === 'queuing').length;
      return sendJson(req.res, 202, { status: 'IN_QUEUE', queue_position: ahead, ...requestUrls(task) });
    }
    if (view.state === 'generating') return sendJson(req.res, 202, { status: 'IN_PROGRESS', logs: [], ...requestUrls(task) });
    sendJson(req.res, 200, { status: 'COMPLETED', logs: [], ...requestUrls(task) });
  }

  function result(req: SimRequest, task: SimTask): void {
    const view = world.view(task);
    if (view.finishedAt === undefined) return sendJson(req.res, 400, { detail: 'Request is still in progress' });
    if (view.state === 'cancelled') return sendJson(req.res, 400, { detail: 'Request was cancelled' });
    if (task.outcome.kind === 'fail') {
      return task.outcome.cause === 'moderation'
        ? sendJson(req.res, 422, { detail: [{ loc: ['body', 'prompt'], msg: 'The content could not be processed because it contained material flagged by a content checker.', type: 'content_policy_violation' }] })
        : sendJson(req.res, 500, { detail: 'Internal error while generating the video. Please retry.' });
    }
    sendJson(req.res, 200, { video: { url: links.direct(task), content_type: 'video/mp4', file_name: `${task.id}.mp4` } });
  }

  function cancel(req: SimRequest, task: SimTask): void {
    const outcome = world.cancel(task);
    if (outcome === 'already_completed') return sendJson(req.res, 400, { status: 'ALREADY_COMPLETED' });
    sendJson(req.res, 202, { status: 'CANCELLATION_REQUESTED' });
  }

  return async function route(req: SimRequest): Promise<boolean> {
    if (!req.url.pathname.startsWith(`${FAL_PREFIX}/`)) return false;
    const path = req.url.pathname.slice(FAL_PREFIX.length);
    const match = REQUEST_PATH.exec(path);
    const kind = match ? (match[4] === '/status' ? 'status' : match[4] === '/cancel' ? 'cancel' : 'result') : 'submit';
    const allowed = { submit: 'POST', status: 'GET', result: 'GET', cancel: 'PUT' }[kind];
    if (req.method !== allowed) {
      sendJson(req.res, 405, { detail: 'Method not allowed' });
      return true;
    }
    const key = keyFrom(req.headers, 'Key');
    world.count(key, `fal.${kind}`);
    const point = kind === 'submit' ? 'create' : kind === 'status' ? 'status' : 'other';
    if (world.strikes('hang', 'fal', key, point)) {
      hang(req);
      return true;
    }
    if (world.strikes('html-error-page', 'fal', key, point)) {
      sendHtmlErrorPage(req.res);
      return true;
    }
    if (!world.isKnownKey(key) || world.strikes('auth-401', 'fal', key, point)) {
      sendJson(req.res, 401, { detail: 'Authentication is required: invalid or missing key.' });
      return true;
    }
    if (kind === 'submit') {
      await submit(req, key, path.slice(1));
      return true;
    }
    const task = world.task(match![3]!);
    if (!task || task.key !== key || task.provider !== 'fal') {
      sendJson(req.res, 404, { detail: 'Request not found' });
      return true;
    }
    if (kind === 'status') status(req, task);
    else if (kind === 'result') result(req, task);
    else cancel(req, task);
    return true;
  };
}
