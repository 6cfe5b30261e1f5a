import { z } from 'zod';
import { RowPatchSchema } from '../domain/batch.ts';
import type { EventName } from './names.ts';

/** Every event main pushes to the renderer, with its payload schema. */
export const events = {
  /** Row changes, coalesced in main: at most ten messages a second however busy the engine is. */
  rowPatches: z.object({ patches: z.array(RowPatchSchema).min(1) }),
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
