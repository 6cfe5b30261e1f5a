import { z } from 'zod';
import { FaultSpecSchema } from '../faults.ts';
import { readJson, sendJson, type SimRequest } from '../httpKit.ts';
import type { SimWorld } from '../world.ts';

export const ADMIN_PREFIX = '/__sim';

const KeySchema = z.object({ key: z.string().min(1), credits: z.number().nonnegative().optional(), usd: z.number().nonnegative().optional() }).strict();

/**
 * The test hooks: request counts per endpoint and key (so a test can assert exactly one create per
 * row), the tasks, fault switches, keys and a reset.
 */
export function adminRoutes(world: SimWorld) {
  return async function route(req: SimRequest): Promise<boolean> {
    if (!req.url.pathname.startsWith(`${ADMIN_PREFIX}/`)) return false;
    const what = `${req.method} ${req.url.pathname.slice(ADMIN_PREFIX.length)}`;
    switch (what) {
      case 'GET /stats':
        sendJson(req.res, 200, world.stats());
        return true;
      case 'GET /tasks':
        sendJson(
          req.res,
          200,
          world.allTasks().map((task) => ({
            id: task.id,
            provider: task.provider,
            key: task.key,
            model: task.entry.id,
            wireModel: task.variant.wireModel,
            state: world.view(task).state,
            createdAt: task.createdAt,
            endsAt: task.endsAt,
            outcome: task.outcome.kind,
            price: task.price,
            statusQueries: task.statusQueries,
            seenFinishedAt: task.seenFinishedAt ?? null,
          })),
        );
        return true;
      case 'GET /faults':
        sendJson(req.res, 200, world.faults.list());
        return true;
      case 'POST /faults': {
        const body = await readJson(req);
        const parsed = (Array.isArray(body) ? z.array(FaultSpecSchema) : FaultSpecSchema.transform((spec) => [spec])).safeParse(body);
        if (!parsed.success) {
          sendJson(req.res, 400, { error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
          return true;
        }
        for (const spec of parsed.data) world.faults.arm(spec);
        sendJson(req.res, 200, world.faults.list());
        return true;
      }
      case 'DELETE /faults':
        world.faults.clear();
        sendJson(req.res, 200, []);
        return true;
      case 'POST /keys': {
        const parsed = KeySchema.safeParse(await readJson(req));
        if (!parsed.success) {
          sendJson(req.res, 400, { error: 'Expected {key, credits?, usd?}.' });
          return true;
        }
        world.addKey(parsed.data.key, { credits: parsed.data.credits ?? 1_000_000, usd: parsed.data.usd ?? 10_000 });
        sendJson(req.res, 200, { key: parsed.data.key });
        return true;
      }
      case 'POST /reset':
        world.reset();
        sendJson(req.res, 200, { reset: true });
        return true;
      default:
        sendJson(req.res, 404, { error: `No admin endpoint ${what}.` });
        return true;
    }
  };
}
