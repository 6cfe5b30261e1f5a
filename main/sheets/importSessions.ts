import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { z } from 'zod';
import type { ProviderId } from '../../shared/catalog/schema.ts';
import { ApiCallError } from '../../shared/contract/errors.ts';
import type { ImportPreview, ImportSourceSchema, PreviewRow, ReviseImportInputSchema } from '../../shared/contract/importSchemas.ts';
import type { Settings } from '../../shared/domain/settings.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { Store } from '../db/store.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import { sheetLimitsOf } from '../settings/settingsService.ts';
import { applyCorrections, importInspection } from './importRows.ts';
import type { InspectedSheet } from './inspectInWorker.ts';
import type { InspectedRow } from './inspectSheet.ts';
import { inspectSheetBytes, inspectSheetFile, type InspectSheetFileOptions } from './inspectSheetFile.ts';
import type { ColumnMapping } from './map/mapColumns.ts';
import { sheetReadErrorText } from './sheetErrors.ts';
import type { SheetReadError, TextEncoding } from './sheetTypes.ts';
import { cellIssueText } from './validate/sheetIssues.ts';

type Source = z.output<typeof ImportSourceSchema>;
type Revision = Omit<z.output<typeof ReviseImportInputSchema>, 'importId'>;

interface Session {
  fileName: string;
  /** The file's path in the desktop app, read again on each look; bytes in browser mode. */
  path: string | null;
  bytes: Uint8Array | null;
  encoding: TextEncoding | undefined;
  sheet: string | undefined;
  mapping: ColumnMapping | undefined;
  provider: ProviderId;
  defaultModel: string | undefined;
  inspection: InspectedSheet;
}

/** The preview shows this many rows from the top, and as many more of the first rows with problems. */
const PREVIEW_ROWS = 100;
/** Open imports kept at once: a forgotten dialog must not hold a 50 MB sheet forever. */
const MAX_SESSIONS = 3;

export interface ImportSessionDeps {
  store: Store;
  catalog: Catalog;
  settings: () => Settings;
  locale: () => Locale;
}

/**
 * The import dialog's sessions: a sheet opened once, looked at again as the creator changes the
 * encoding, sheet, mapping or default model, then imported as a batch (or as corrections to the rows
 * of an earlier export). The reading happens in the sheet worker, off the main thread.
 */
export class ImportSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly deps: ImportSessionDeps;

  constructor(deps: ImportSessionDeps) {
    this.deps = deps;
  }

  async open(source: Source): Promise<ImportPreview> {
    const base = source.kind === 'path'
      ? { fileName: basename(source.path), path: source.path, bytes: null }
      : { fileName: source.fileName, path: null, bytes: this.decodeBase64(source.base64, source.fileName) };
    const settings = this.deps.settings();
    const provider: ProviderId = settings.defaultProvider === 'sandbox' ? 'kie' : this.catalogProviderOf(settings.defaultProvider);
    const draft = { ...base, encoding: undefined, sheet: undefined, mapping: undefined, provider, defaultModel: undefined };
    const session: Session = { ...draft, inspection: await this.inspect(draft) };
    const importId = randomUUID();
    this.sessions.set(importId, session);
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return this.preview(importId, session);
  }

  async revise(importId: string, revision: Revision): Promise<ImportPreview> {
    const session = this.session(importId);
    const next = { ...session };
    if (revision.encoding !== undefined) {
      // Read another way, the headers are other words: the mapping starts afresh, as for a sheet.
      if (revision.encoding !== session.encoding) next.mapping = undefined;
      next.encoding = revision.encoding;
    }
    if (revision.sheet !== undefined) {
      // Another sheet has other columns: its mapping starts afresh.
      if (revision.sheet !== session.sheet) next.mapping = undefined;
      next.sheet = revision.sheet;
    }
    if (revision.mapping !== undefined) next.mapping = { ...(next.mapping ?? session.inspection.mapping), ...revision.mapping };
    if (revision.provider !== undefined) next.provider = revision.provider;
    if (revision.defaultModel !== undefined) next.defaultModel = revision.defaultModel ?? undefined;
    next.inspection = await this.inspect(next);
    this.sessions.set(importId, next);
    return this.preview(importId, next);
  }

  async commit(importId: string, name: string | undefined): Promise<{ batchId: number; rows: number; rowsWithIssues: number; duplicates: number; corrected: number }> {
    const session = this.session(importId);
    const { inspection } = session;
    const { store } = this.deps;
    this.sessions.delete(importId);
    // A Genvid export, fixed in Excel: its rows update the rows they came from, adding none.
    if (inspection.mapping.rowId) {
      const rows = inspection.allRows();
      if (rows.some((row) => row.rowId !== null)) {
        const summary = applyCorrections(store, { ...inspection, rows });
        if (summary.batchId !== null) return { batchId: summary.batchId, rows: rows.length, rowsWithIssues: 0, duplicates: 0, corrected: summary.updated.length };
      }
    }
    const batchName = name ?? session.fileName.replace(/\.[^.]+$/, '');
    const summary = await importInspection(store, inspection, { name: batchName, file: session.path ?? session.fileName });
    return { batchId: summary.batchId, rows: summary.rows, rowsWithIssues: summary.rowsWithIssues, duplicates: summary.duplicates.length, corrected: 0 };
  }

  close(importId: string): boolean {
    return this.sessions.delete(importId);
  }

  private session(importId: string): Session {
    const session = this.sessions.get(importId);
    if (!session) throw new ApiCallError({ code: 'not_found', message: 'This import was closed; open the sheet again.' });
    return session;
  }

  private async inspect(session: Omit<Session, 'inspection'>): Promise<InspectedSheet> {
    const { store, catalog } = this.deps;
    const options: InspectSheetFileOptions = {
      encoding: session.encoding,
      sheet: session.sheet,
      limits: sheetLimitsOf(this.deps.settings()),
      provider: session.provider,
      defaultModel: session.defaultModel,
      mapping: session.mapping,
      templates: store.sheets.allMappingTemplates(),
      catalogEntries: [...catalog.entries],
    };
    // The worker takes the bytes it is given: it gets a copy, so the session can look again.
    const result = session.bytes ? await inspectSheetBytes(new Uint8Array(session.bytes), session.fileName, options) : await inspectSheetFile(session.path!, options);
    if (!result.ok) throw this.unreadable(result.error);
    return result.inspection;
  }

  private decodeBase64(base64: string, fileName: string): Uint8Array {
    // Refused before decoding: base64 is a third larger than the file it carries.
    const maxBytes = sheetLimitsOf(this.deps.settings()).maxBytes;
    const size = Math.floor((base64.length * 3) / 4);
    if (size > maxBytes) throw this.unreadable({ code: 'too_large', params: { file: fileName, sizeMb: Math.ceil(size / 1024 / 1024), limitMb: Math.round(maxBytes / 1024 / 1024) } });
    return new Uint8Array(Buffer.from(base64, 'base64'));
  }

  private unreadable(error: SheetReadError): ApiCallError {
    return new ApiCallError({ code: 'unreadable_sheet', message: sheetReadErrorText(error, this.deps.locale()) });
  }

  private catalogProviderOf(choice: Exclude<Settings['defaultProvider'], 'sandbox'>): ProviderId {
    return choice;
  }

  private preview(importId: string, session: Session): ImportPreview {
    const { inspection } = session;
    const locale = this.deps.locale();
    const top: PreviewRow[] = [];
    const withProblems: PreviewRow[] = [];
    let problemRows = 0;
    let duplicateRows = 0;
    const toPreview = (row: InspectedRow): PreviewRow => ({
      row: row.row,
      cells: inspection.headers.map((header) => row.source[header] ?? ''),
      issues: row.issues.map((issue) => ({ field: issue.field, message: cellIssueText(issue, locale) })),
      sameAsRow: row.sameAsRow,
    });
    for (const chunk of inspection.rowChunks()) {
      for (const row of chunk) {
        if (row.issues.length > 0) problemRows += 1;
        if (row.sameAsRow !== null) duplicateRows += 1;
        if (top.length < PREVIEW_ROWS) top.push(toPreview(row));
        else if (row.issues.length > 0 && withProblems.length < PREVIEW_ROWS) withProblems.push(toPreview(row));
      }
    }
    const { grid } = inspection;
    return {
      importId,
      fileName: session.fileName,
      format: grid.format,
      encoding: grid.encoding,
      encodingCandidates: grid.encodingCandidates,
      sheets: grid.sheets,
      sheet: grid.sheet,
      headerRow: inspection.headerRow,
      headers: inspection.headers,
      columns: inspection.columns,
      templateUsed: inspection.templateUsed,
      provider: session.provider,
      defaultModel: session.defaultModel ?? null,
      rowCount: inspection.rowCount,
      problemRows,
      duplicateRows,
      sheetIssues: inspection.sheetIssues.map((issue) => ({ field: issue.field, message: cellIssueText(issue, locale) })),
      rows: [...top, ...withProblems],
    };
  }
}
