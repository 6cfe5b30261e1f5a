import { KIE_MEDIA_RETENTION_MS, type SimTask, type SimWorld } from '../world.ts';
import { keyFrom, readJson, sendHtmlErrorPage, sendJson, type SimRequest } from '../httpKit.ts';
import type { Hang } from './hang.ts';
import type { FileLinks } from './fileRoutes.ts';

/**
 * KIE: the jobs API, the Veo 3.1 API, credits and download-url. Like the real service it answers
 * HTTP 200 with the error in the body's `code`, and sometimes says `message` instead of `msg`.
 */
export function kieRoutes(world: SimWorld, links: FileLinks, hang: Hang) {
  let replies = 0;
  const envelope = (res: SimRequest['res'], code: number, message: string, data?: unknown) => {
    replies += 1;
    // Some KIE pages say `message`; clients must read both.
    const text = replies % 3 === 0 ? { message } : { msg: message };
    sendJson(res, 200, { code, ...text, ...(data === undefined ? {} : { data }) });
  };

  const endpoints: Record<string, { name: string; point: 'create' | 'status' | 'other'; handle: (req: SimRequest, key: string) => Promise<void> | void }> = {
    'POST /api/v1/jobs/createTask': { name: 'kie.createTask', point: 'create', handle: (req, key) => create(req, key, false) },
    'POST /api/v1/veo/generate': { name: 'kie.veoGenerate', point: 'create', handle: (req, key) => create(req, key, true) },
    'GET /api/v1/jobs/recordInfo': { name: 'kie.recordInfo', point: 'status', handle: (req, key) => recordInfo(req, key, false) },
    'GET /api/v1/veo/record-info': { name: 'kie.veoRecordInfo', point: 'status', handle: (req, key) => recordInfo(req, key, true) },
    'GET /api/v1/chat/credit': { name: 'kie.credit', point: 'other', handle: (req, key) => envelope(req.res, 200, 'success', world.balanceMicros(key, 'credits') / 1_000_000) },
    'POST /api/v1/common/download-url': { name: 'kie.downloadUrl', point: 'other', handle: (req) => downloadUrl(req) },
  };

  async function create(req: SimRequest, key: string, veo: boolean): Promise<void> {
    const body = (await readJson(req)) as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return envelope(req.res, 422, 'The request body must be JSON.');
    if (world.strikes('rate-limit-429', 'kie', key, 'create')) return envelope(req.res, 429, 'Rate limit exceeded, please slow down.');
    if (world.strikes('create-455', 'kie', key, 'create')) return envelope(req.res, 455, 'Service unavailable: the system is under maintenance.');
    if (world.strikes('create-5xx', 'kie', key, 'create')) return envelope(req.res, 500, 'Server error, please try again later.');
    const model = body.model;
    if (typeof model !== 'string') return envelope(req.res, 422, 'model is required.');
    const input = veo ? withoutKeys(body, ['model', 'callBackUrl']) : (body.input as Record<string, unknown> | undefined);
    if (!input || typeof input !== 'object') return envelope(req.res, 422, 'input is required.');
    const outcome = world.createTask({ provider: 'kie', protocol: veo ? 'kie-veo' : 'kie-jobs', key, wireModel: model, input });
    if (!outcome.ok) {
      const code = { unknown_model: 422, retired: 505, invalid: 422, insufficient_credits: 402, rate_limited: 429 }[outcome.reason];
      return envelope(req.res, code, outcome.message);
    }
    if (world.strikes('lost-create-response', 'kie', key, 'create')) {
      // The task exists and will be billed; the client never hears about it.
      req.raw.socket.destroy();
      return;
    }
    envelope(req.res, 200, 'success', { taskId: outcome.task.id });
  }

  function recordInfo(req: SimRequest, key: string, veo: boolean): void {
    if (world.statusQueryLimited(key)) return envelope(req.res, 429, 'Too many status queries: at most 10 per second.');
    const id = req.url.searchParams.get('taskId') ?? '';
    const task = world.task(id);
    if (!task || task.key !== key || (task.protocol === 'kie-veo') !== veo) return envelope(req.res, 404, 'recordInfo is null');
    world.noteStatusQuery(task);
    envelope(req.res, 200, 'success', veo ? veoRecord(task) : jobsRecord(task));
  }

  function jobsRecord(task: SimTask): Record<string, unknown> {
    const view = world.view(task);
    const state = view.state === 'cancelled' ? 'fail' : view.state;
    const done = view.finishedAt !== undefined;
    const record: Record<string, unknown> = {
      taskId: task.id,
      model: task.variant.wireModel,
      state,
      param: JSON.stringify({ model: task.variant.wireModel, input: task.input }),
      resultJson: state === 'success' ? JSON.stringify({ resultUrls: [links.direct(task)] }) : '',
      failCode: state === 'fail' ? failCode(task) : '',
      failMsg: state === 'fail' ? failMsg(task) : '',
      costTime: state === 'success' ? Math.round(task.endsAt - task.createdAt) : null,
      completeTime: done ? Math.round(view.finishedAt!) : null,
      createTime: Math.round(task.createdAt),
      updateTime: Math.round(done ? view.finishedAt! : world.clock.now()),
    };
    if (world.reportProgress) record.progress = view.progress;
    if (state === 'success') record.creditsConsumed = task.price.micros / 1_000_000;
    return record;
  }

  function veoRecord(task: SimTask): Record<string, unknown> {
    const view = world.view(task);
    const successFlag = view.state === 'success' ? 1 : view.state === 'fail' || view.state === 'cancelled' ? 3 : 0;
    return {
      taskId: task.id,
      paramJson: JSON.stringify({ model: task.variant.wireModel, ...task.input }),
      successFlag,
      response: successFlag === 1 ? { taskId: task.id, resultUrls: [links.direct(task)], originUrls: [], resolution: task.request.resolution } : null,
      errorCode: successFlag === 3 ? Number(failCode(task)) : null,
      errorMessage: successFlag === 3 ? failMsg(task) : '',
      createTime: Math.round(task.createdAt),
      completeTime: view.finishedAt === undefined ? null : Math.round(view.finishedAt),
      ...(successFlag === 1 ? { creditsConsumed: task.price.micros / 1_000_000 } : {}),
    };
  }

  async function downloadUrl(req: SimRequest): Promise<void> {
    const body = (await readJson(req)) as { url?: unknown } | undefined;
    const task = typeof body?.url === 'string' ? links.taskOf(body.url) : undefined;
    if (!task || task.provider !== 'kie') return envelope(req.res, 422, 'Only URLs generated by KIE are supported.');
    if (world.view(task).state !== 'success' || world.clock.now() > task.endsAt + KIE_MEDIA_RETENTION_MS) {
      return envelope(req.res, 422, 'The file no longer exists.');
    }
    envelope(req.res, 200, 'success', links.temporary(task, 20 * 60_000));
  }

  /** Handles the request if it is KIE's; false if not. */
  return async function route(req: SimRequest): Promise<boolean> {
    const endpoint = endpoints[`${req.method} ${req.url.pathname}`];
    if (!endpoint) return false;
    const key = keyFrom(req.headers, 'Bearer');
    world.count(key, endpoint.name);
    if (world.strikes('hang', 'kie', key, endpoint.point)) {
      hang(req);
      return true;
    }
    if (world.strikes('html-error-page', 'kie', key, endpoint.point)) {
      sendHtmlErrorPage(req.res);
      return true;
    }
    if (!world.isKnownKey(key) || world.strikes('auth-401', 'kie', key, endpoint.point)) {
      envelope(req.res, 401, 'You do not have access permissions');
      return true;
    }
    await endpoint.handle(req, key);
    return true;
  };
}

function failCode(task: SimTask): string {
  return task.outcome.kind === 'fail' ? task.outcome.failCode : '500';
}

function failMsg(task: SimTask): string {
  if (task.cancelledAt !== undefined) return 'The task was cancelled.';
  return task.outcome.kind === 'fail' ? task.outcome.failMsg : '';
}

function withoutKeys(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([name]) => !keys.includes(name)));
}
