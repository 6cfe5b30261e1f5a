import { z } from 'zod';
import { RowViewSchema } from '../domain/batch.ts';
import { AttemptStatusSchema } from '../domain/status.ts';

// Reviewing a batch: a row's takes, attempts and log, picks, the gallery, and edits to rows.

export const PickSchema = z.enum(['picked', 'rejected']);
export type Pick = z.infer<typeof PickSchema>;
const id = z.number().int().positive();

export const AttemptViewSchema = z.object({
  attemptId: id,
  take: z.number().int().positive(),
  /** Which re-run of the row it belongs to (1 for the first run). */
  run: z.number().int().positive(),
  attemptNumber: z.number().int().positive(),
  status: AttemptStatusSchema,
  provider: z.string(),
  model: z.string(),
  taskId: z.string().nullable(),
  createdAt: z.number().int(),
  submittedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  errorClass: z.string().nullable(),
  /** In the creator's language. */
  errorMessage: z.string().nullable(),
  retryable: z.boolean().nullable(),
  costMicros: z.number().int().nullable(),
  unit: z.enum(['credits', 'usd']).nullable(),
  /** The downloaded video, when there is one. */
  file: z.object({ path: z.string(), size: z.number().int(), exists: z.boolean() }).nullable(),
  pick: PickSchema.nullable(),
});
export type AttemptView = z.infer<typeof AttemptViewSchema>;

export const LogLineViewSchema = z.object({
  id,
  createdAt: z.number().int(),
  type: z.enum(['business', 'system']),
  level: z.enum(['info', 'warn', 'error']),
  message: z.string(),
});
export type LogLineView = z.infer<typeof LogLineViewSchema>;

export const RowDetailSchema = z.object({
  row: RowViewSchema,
  attempts: z.array(AttemptViewSchema),
  logs: z.array(LogLineViewSchema),
  /** Problems found when the row was imported or edited, in the creator's language. */
  issues: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type RowDetail = z.infer<typeof RowDetailSchema>;

export const GalleryInputSchema = z
  .object({
    batchId: id.optional(),
    pick: z.enum(['all', 'picked', 'rejected', 'unpicked']).default('all'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(500).default(60),
  })
  .strict();

export const GalleryItemSchema = z.object({
  attemptId: id,
  rowId: id,
  batchId: id,
  rowNumber: z.number().int(),
  take: z.number().int(),
  prompt: z.string(),
  model: z.string(),
  fileName: z.string(),
  pick: PickSchema.nullable(),
  finishedAt: z.number().int().nullable(),
});
export type GalleryItem = z.infer<typeof GalleryItemSchema>;

/** What the grid edits: the row's own settings, as the creator types them (validated in main). */
export const RowEditFieldsSchema = z
  .object({
    prompt: z.string(),
    model: z.string(),
    resolution: z.string(),
    duration: z.string(),
    aspect: z.string(),
    image: z.string(),
    name: z.string(),
    takes: z.string(),
    priority: z.string(),
  })
  .partial()
  .strict();
export type RowEditFields = z.infer<typeof RowEditFieldsSchema>;

export const UpdateRowsInputSchema = z
  .object({
    batchId: id,
    edits: z.array(z.object({ rowId: id, fields: RowEditFieldsSchema }).strict()).min(1).max(10_000),
  })
  .strict();

export const UpdateRowsOutputSchema = z.object({
  updated: z.array(id),
  /** Rows left unchanged: running or done rows cannot be edited. */
  refused: z.array(z.object({ rowId: id, reason: z.enum(['running_or_done', 'not_in_batch']) })),
});

export const ExportInputSchema = z
  .object({
    batchId: id,
    format: z.enum(['csv', 'csv-gbk', 'xlsx']),
    /** Failed rows only, with their reasons: a correction sheet to fix and import again. */
    failedOnly: z.boolean().default(false),
  })
  .strict();
export const ExportOutputSchema = z.object({ path: z.string(), rows: z.number().int() });

export const OpenFileInputSchema = z.object({ attemptId: id, how: z.enum(['open', 'reveal']) }).strict();
