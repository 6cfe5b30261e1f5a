import { z } from 'zod';
import { BatchSummarySchema, RowPatchSchema } from '../domain/batch.ts';
import type { EventName } from './names.ts';
import { ConnectivitySchema } from './providerSchemas.ts';

/** Every event main pushes to the renderer, with its payload schema. */
export const events = {
  /** Row changes, coalesced in main: at most ten messages a second however busy the engine is. */
  rowPatches: z.object({
    patches: z.array(RowPatchSchema),
    /** The batches those rows belong to, counted again: the batch bar and list update from these. */
    batches: z.array(BatchSummarySchema),
  }),
  /** A batch finished or needs the creator (bad key, no credits, a cap reached, a full disk). */
  attention: z.object({
    batchId: z.number().int().positive(),
    batchName: z.string(),
    what: z.enum(['finished', 'paused']),
    reason: z.enum(['auth', 'funds', 'cap', 'disk']).nullable(),
    /** The engine's own words, in English, for the log and details. */
    detail: z.string().nullable(),
  }),
  /** A provider stopped or started answering: every provider out of reach now (none: all clear). */
  connectivity: ConnectivitySchema,
  /** The desktop app's File ▸ Open a sheet… chose a file: the renderer opens the import dialog on it. */
  openSheet: z.object({ path: z.string().min(1) }),
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
