import { z } from 'zod';
import { ProviderIdSchema } from '../catalog/schema.ts';

// The import dialog's calls: a sheet is opened once (its bytes or its path), looked at again with
// another encoding, sheet, mapping or model as the creator adjusts them, and then imported.

export const sheetFieldNames = ['rowId', 'prompt', 'model', 'resolution', 'duration', 'aspect', 'image', 'name', 'takes', 'priority'] as const;
export const SheetFieldSchema = z.enum(sheetFieldNames);
export type SheetFieldName = z.infer<typeof SheetFieldSchema>;

export const textEncodingNames = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const;
export const TextEncodingSchema = z.enum(textEncodingNames);

/** Browser mode sends the dropped file's bytes (base64); Electron sends the dropped file's path. */
export const ImportSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bytes'), fileName: z.string().min(1).max(500), base64: z.string() }).strict(),
  z.object({ kind: z.literal('path'), path: z.string().min(1) }).strict(),
]);

export const ImportMappingSchema = z.partialRecord(SheetFieldSchema, z.string().nullable());

export const ReviseImportInputSchema = z
  .object({
    importId: z.string().min(1),
    encoding: TextEncodingSchema.optional(),
    sheet: z.string().optional(),
    mapping: ImportMappingSchema.optional(),
    provider: ProviderIdSchema.optional(),
    /** Used for rows whose model cell is blank. */
    defaultModel: z.string().nullable().optional(),
  })
  .strict();

const PreviewIssueSchema = z.object({ field: SheetFieldSchema, message: z.string() });

export const PreviewRowSchema = z.object({
  row: z.number().int(),
  /** The cells in header order, as read. */
  cells: z.array(z.string()),
  issues: z.array(PreviewIssueSchema),
  /** An earlier row of this sheet that makes the same video. */
  sameAsRow: z.number().int().nullable(),
});

export const ImportPreviewSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'tsv', 'txt', 'xlsx', 'xls']),
  encoding: TextEncodingSchema.nullable(),
  encodingCandidates: z.array(z.object({ encoding: TextEncodingSchema, valid: z.boolean(), preview: z.string() })),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  columns: z.array(z.object({ header: z.string(), field: SheetFieldSchema.nullable(), confidence: z.number() })),
  templateUsed: z.boolean(),
  provider: ProviderIdSchema,
  defaultModel: z.string().nullable(),
  rowCount: z.number().int(),
  problemRows: z.number().int(),
  duplicateRows: z.number().int(),
  /** Problems with the sheet as a whole (no prompt column): nothing can run until they are fixed. */
  sheetIssues: z.array(z.object({ field: SheetFieldSchema, message: z.string() })),
  /** The first rows, then the first rows with problems, for the preview table. */
  rows: z.array(PreviewRowSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
export type PreviewRow = z.infer<typeof PreviewRowSchema>;

export const CommitImportOutputSchema = z.object({
  batchId: z.number().int().positive(),
  rows: z.number().int(),
  rowsWithIssues: z.number().int(),
  duplicates: z.number().int(),
  /** Rows updated in place when the sheet was a correction sheet (a Genvid export, fixed). */
  corrected: z.number().int(),
});
