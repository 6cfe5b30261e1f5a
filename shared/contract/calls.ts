import { z } from 'zod';
import { BatchSummarySchema, RowViewSchema } from '../domain/batch.ts';
import { RowStatusSchema } from '../domain/status.ts';
import { ModelEntrySchema, ProviderIdSchema } from '../catalog/schema.ts';
import { ProviderChoiceIdSchema } from '../providers/choices.ts';
import { ConcurrencySettingSchema } from '../domain/concurrency.ts';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings.ts';
import type { CallName } from './names.ts';
import { CommitImportOutputSchema, ImportPreviewSchema, ImportSourceSchema, ReviseImportInputSchema } from './importSchemas.ts';
import { ExportInputSchema, ExportOutputSchema, GalleryInputSchema, GalleryItemSchema, OpenFileInputSchema, PickSchema, RowDetailSchema, UpdateRowsInputSchema, UpdateRowsOutputSchema } from './reviewSchemas.ts';
import { ConnectionTestSchema, ConnectivitySchema, ProviderRefSchema, ProvidersOutputSchema, SetKeyInputSchema } from './providerSchemas.ts';
import { BatchRunOptionsSchema } from '../domain/batchOptions.ts';

const NoInput = z.void();

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** `electron` for the desktop app, `browser` for browser mode. */
  shell: z.enum(['electron', 'browser', 'cli']),
  platform: z.string(),
  nodeVersion: z.string(),
  electronVersion: z.string().nullable(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  /** Problems with the user's catalog file; the rest of the catalog works. */
  catalogProblems: z.array(z.string()),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const RowsPageInputSchema = z
  .object({
    batchId: z.number().int().positive(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(1000).default(200),
    statuses: z.array(RowStatusSchema).min(1).optional(),
    /** Rows whose prompt, model, name or error contains this text (any case). */
    search: z.string().trim().min(1).max(200).optional(),
    /** Rows with a take marked this way. */
    pick: z.enum(['picked', 'rejected']).optional(),
  })
  .strict();

export const RowsPageSchema = z.object({
  batchId: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  /** Rows matching the filter, in the whole batch. */
  total: z.number().int().nonnegative(),
  rows: z.array(RowViewSchema),
});
export type RowsPage = z.infer<typeof RowsPageSchema>;

const BatchRef = z.object({ batchId: z.number().int().positive() }).strict();
const Caps = z.object({ batchMicros: z.number().int().positive().optional(), dayMicros: z.number().int().positive().optional() }).strict();
const Money = z.object({ micros: z.number().int(), unit: z.enum(['credits', 'usd']) });

export const StartBatchInputSchema = z
  .object({
    batchId: z.number().int().positive(),
    provider: ProviderChoiceIdSchema,
    concurrency: ConcurrencySettingSchema,
    caps: Caps.default({}),
    /** Default: the output folder in settings. */
    outputDir: z.string().min(1).optional(),
  })
  .strict();

export const BatchPlanSchema = z.object({
  rows: z.number().int(),
  videos: z.number().int(),
  invalid: z.array(z.object({ rowNumber: z.number().int(), message: z.string() })),
  byClass: z.array(z.object({ model: z.string(), resolution: z.string(), durationS: z.number().nullable(), videos: z.number().int(), micros: z.number().int(), unit: z.enum(['credits', 'usd']) })),
  estimate: z.array(Money),
  balance: z.object({ amount: z.number(), unit: z.enum(['credits', 'usd']) }).nullable(),
  caps: z.object({ batchMicros: z.number().nullable(), dayMicros: z.number().nullable(), spentTodayMicros: z.number() }),
  affordable: z.boolean(),
  duplicates: z.array(z.object({ rowNumber: z.number().int(), sameAsRow: z.number().int() })),
  etaS: z.number(),
});

export const BatchDetailSchema = z.object({
  summary: BatchSummarySchema,
  /** How it runs, once started. */
  options: BatchRunOptionsSchema.nullable(),
  /** Why it is paused when Genvid paused it (bad key, no credits, a cap), in English. */
  pauseReason: z.string().nullable(),
  /** Settled and held so far, per unit. */
  spent: z.array(Money),
  /** What the whole batch should cost: spent so far plus the estimate of the rows still to run. */
  estimate: z.array(Money),
});
export type BatchDetail = z.infer<typeof BatchDetailSchema>;

/** Every call: its input schema (validated in main) and its output schema. */
export const calls = {
  getAppInfo: { input: NoInput, output: AppInfoSchema },
  getSettings: { input: NoInput, output: SettingsSchema },
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema },
  listBatches: { input: NoInput, output: z.array(BatchSummarySchema) },
  getRowsPage: { input: RowsPageInputSchema, output: RowsPageSchema },
  listProviders: { input: NoInput, output: ProvidersOutputSchema },
  setProviderKey: { input: SetKeyInputSchema, output: ProvidersOutputSchema },
  clearProviderKey: { input: ProviderRefSchema, output: ProvidersOutputSchema },
  testConnection: { input: ProviderRefSchema, output: ConnectionTestSchema },
  getConnectivity: { input: NoInput, output: ConnectivitySchema },
  listModels: { input: z.object({ provider: ProviderIdSchema }).strict(), output: z.array(ModelEntrySchema) },
  planBatch: { input: StartBatchInputSchema.omit({ outputDir: true }), output: BatchPlanSchema },
  startBatch: { input: StartBatchInputSchema, output: z.object({ started: z.literal(true) }) },
  pauseBatch: { input: BatchRef, output: z.object({ paused: z.literal(true) }) },
  resumeBatch: { input: BatchRef, output: z.object({ resumed: z.literal(true) }) },
  cancelBatch: { input: BatchRef, output: z.object({ cancelled: z.literal(true) }) },
  getBatch: { input: BatchRef, output: BatchDetailSchema },
  openImport: { input: z.object({ source: ImportSourceSchema }).strict(), output: ImportPreviewSchema },
  reviseImport: { input: ReviseImportInputSchema, output: ImportPreviewSchema },
  commitImport: { input: z.object({ importId: z.string().min(1), name: z.string().trim().min(1).max(200).optional() }).strict(), output: CommitImportOutputSchema },
  closeImport: { input: z.object({ importId: z.string().min(1) }).strict(), output: z.object({ closed: z.boolean() }) },
  getRowDetail: { input: z.object({ rowId: z.number().int().positive() }).strict(), output: RowDetailSchema },
  setTakePick: { input: z.object({ attemptId: z.number().int().positive(), pick: PickSchema.nullable() }).strict(), output: z.object({ attemptId: z.number().int(), pick: PickSchema.nullable() }) },
  listGallery: { input: GalleryInputSchema, output: z.object({ total: z.number().int(), items: z.array(GalleryItemSchema) }) },
  updateRows: { input: UpdateRowsInputSchema, output: UpdateRowsOutputSchema },
  cancelRows: { input: z.object({ batchId: z.number().int().positive(), rowIds: z.array(z.number().int().positive()).min(1) }).strict(), output: z.object({ cancelled: z.literal(true) }) },
  exportBatch: { input: ExportInputSchema, output: ExportOutputSchema },
  openFile: { input: OpenFileInputSchema, output: z.object({ path: z.string() }) },
  rerunRows: { input: z.object({ batchId: z.number().int().positive(), rowIds: z.array(z.number().int().positive()).min(1) }).strict(), output: z.object({ rowIds: z.array(z.number().int()) }) },
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

export type Calls = typeof calls;
/** What a caller passes (defaults may be left out). */
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedCallInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;
