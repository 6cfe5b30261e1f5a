import { z } from 'zod';
import { ConcurrencySettingSchema } from './concurrency.ts';
import { ProviderChoiceIdSchema } from '../providers/choices.ts';

/** How a batch runs; stored with the batch so a restart carries on the same way. */
export const BatchRunOptionsSchema = z
  .object({
    provider: ProviderChoiceIdSchema,
    concurrency: ConcurrencySettingSchema,
    /** `predictive` learns when jobs finish; `original` is the original design's fixed schedule. */
    polling: z.enum(['predictive', 'original']).default('predictive'),
    /** `continuous`: a free slot starts the next row. `waves`: the original design, for comparison. */
    scheduling: z.enum(['continuous', 'waves']).default('continuous'),
    rowsPerWave: z.number().int().positive().optional(),
    outputDir: z.string().min(1),
    /** The provider's address when not its default (a gateway, a relay): the batch's jobs live there. */
    baseUrl: z.string().url().optional(),
    /** Spending caps in micro-units of the provider's unit; submission stops before one is crossed. */
    caps: z
      .object({ batchMicros: z.number().int().positive().optional(), dayMicros: z.number().int().positive().optional() })
      .strict()
      .default({}),
  })
  .strict();
export type BatchRunOptions = z.infer<typeof BatchRunOptionsSchema>;
export type BatchRunOptionsInput = z.input<typeof BatchRunOptionsSchema>;
