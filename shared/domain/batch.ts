import { z } from 'zod';
import { BatchStatusSchema, RowStatusSchema } from './status.ts';

const id = z.number().int().positive();

export const BatchSummarySchema = z.object({
  id,
  name: z.string(),
  sourceFile: z.string().nullable(),
  status: BatchStatusSchema,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  rowCount: z.number().int().nonnegative(),
  /** Rows per status; statuses with no rows are left out. */
  statusCounts: z.partialRecord(RowStatusSchema, z.number().int().nonnegative()),
});
export type BatchSummary = z.infer<typeof BatchSummarySchema>;

/** One row as the grid shows it. Money is in micro-units of the provider's unit (credits or USD). */
export const RowViewSchema = z.object({
  id,
  batchId: id,
  rowNumber: z.number().int().positive(),
  status: RowStatusSchema,
  prompt: z.string(),
  model: z.string().nullable(),
  resolution: z.string().nullable(),
  durationS: z.number().nullable(),
  aspect: z.string().nullable(),
  imageUrl: z.string().nullable(),
  name: z.string().nullable(),
  takes: z.number().int().positive(),
  priority: z.number().int(),
  attemptCount: z.number().int().nonnegative(),
  progress: z.number().min(0).max(100).nullable(),
  costMicros: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  outputPath: z.string().nullable(),
  /** The attempt whose video `outputPath` is: what the thumbnail and player load. */
  outputAttemptId: z.number().int().positive().nullable(),
  /** Problems found when the row was imported or edited (message keys, so every language can show them); such a row never runs. */
  issues: z.array(z.object({ field: z.string(), messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
  updatedAt: z.number().int(),
});
export type RowView = z.infer<typeof RowViewSchema>;

/** A change to one row: its ids plus only the fields that changed. */
export const RowPatchSchema = RowViewSchema.omit({ id: true, batchId: true })
  .partial()
  .extend({ id, batchId: id });
export type RowPatch = z.infer<typeof RowPatchSchema>;
