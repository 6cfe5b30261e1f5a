import { z } from 'zod';
import { ProviderIdSchema } from '../../shared/catalog/schema.ts';

/** Every failure real users hit, as a switch (provider-apis.md §1.11 and §2.8). */
export const faultKinds = [
  /** The task ends `fail` with a 500 failCode: a retry may succeed. */
  'task-fail-transient',
  /** The task ends `fail` for content policy. */
  'task-fail-moderation',
  /** A create answered with a server error (KIE body code 500, HTTP 500 elsewhere). */
  'create-5xx',
  /** A create answered "maintenance" (KIE 455, HTTP 503 elsewhere). */
  'create-455',
  /** A create refused for rate (KIE 429, HTTP 429 with retry-after elsewhere). */
  'rate-limit-429',
  /** An HTTP 502 HTML page instead of JSON, as a proxy or CDN sends. */
  'html-error-page',
  /** The request is never answered. */
  'hang',
  /** The task is created, then the connection drops before the answer. */
  'lost-create-response',
  /** The file download stops halfway. */
  'truncated-download',
  /** The result link answers 403 as if it had expired. */
  'expired-url',
  /** The key stops working (after `afterCreates` creates, for "in the middle of a batch"). */
  'auth-401',
  /** Creates are refused for lack of credits (after `afterCreates` creates). */
  'credits-402',
] as const;
export const FaultKindSchema = z.enum(faultKinds);
export type FaultKind = z.infer<typeof FaultKindSchema>;

/** Where a fault can strike. */
export type FaultPoint = 'create' | 'status' | 'download' | 'other';

export const FaultSpecSchema = z
  .object({
    kind: FaultKindSchema,
    provider: ProviderIdSchema.optional(),
    key: z.string().optional(),
    /** For html-error-page and hang: which requests. Default: any. */
    on: z.enum(['create', 'status', 'download', 'any']).optional(),
    /** Fire this many times, then disarm. Default: every time. */
    count: z.number().int().positive().optional(),
    /** Probability per matching request (0–1). Default: 1. */
    rate: z.number().min(0).max(1).optional(),
    /** Only once the key has made at least this many creates. */
    afterCreates: z.number().int().nonnegative().optional(),
  })
  .strict();
export type FaultSpec = z.infer<typeof FaultSpecSchema>;

const fixedPoint: Partial<Record<FaultKind, FaultPoint>> = {
  'task-fail-transient': 'create',
  'task-fail-moderation': 'create',
  'create-5xx': 'create',
  'create-455': 'create',
  'rate-limit-429': 'create',
  'lost-create-response': 'create',
  'credits-402': 'create',
  'truncated-download': 'download',
  'expired-url': 'download',
};

export interface FaultContext {
  provider: z.infer<typeof ProviderIdSchema> | undefined;
  key: string | undefined;
  point: FaultPoint;
  createsSoFar: number;
}

/** The armed faults. `take` decides whether one strikes now, and uses up one of its count. */
export class FaultBook {
  private armed: { spec: FaultSpec; left: number }[] = [];
  private readonly random: () => number;

  constructor(random: () => number, initial: readonly FaultSpec[] = []) {
    this.random = random;
    for (const spec of initial) this.arm(spec);
  }

  arm(spec: FaultSpec): void {
    this.armed.push({ spec, left: spec.count ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.armed = [];
  }

  list(): FaultSpec[] {
    return this.armed.filter((fault) => fault.left > 0).map((fault) => fault.spec);
  }

  take(kind: FaultKind, context: FaultContext): boolean {
    for (const fault of this.armed) {
      const { spec } = fault;
      if (spec.kind !== kind || fault.left <= 0) continue;
      if (spec.provider && spec.provider !== context.provider) continue;
      if (spec.key && spec.key !== context.key) continue;
      const point = fixedPoint[kind] ?? (spec.on && spec.on !== 'any' ? spec.on : undefined);
      if (point && point !== context.point) continue;
      if (spec.afterCreates !== undefined && context.createsSoFar < spec.afterCreates) continue;
      if (spec.rate !== undefined && this.random() >= spec.rate) continue;
      fault.left -= 1;
      return true;
    }
    return false;
  }
}
