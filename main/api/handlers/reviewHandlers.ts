import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiCallError } from '../../../shared/contract/errors.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import { translate } from '../../../shared/i18n/translate.ts';
import { providerErrorMessage } from '../../../shared/providers/errorMessage.ts';
import { ProviderErrorKindSchema } from '../../../shared/providers/errorKinds.ts';
import { exportBatch } from '../../sheets/exportBatch.ts';
import { editRows } from '../../sheets/editRows.ts';
import { mediaFileOf } from '../../media/mediaFiles.ts';
import type { Handlers } from '../dispatcher.ts';
import { batchMustExist, catalogProviderOf, localeOf, settingsOf, type HandlerContext } from '../handlerContext.ts';

type ReviewCalls = Pick<Handlers, 'getRowDetail' | 'setTakePick' | 'listGallery' | 'updateRows' | 'exportBatch' | 'openFile'>;

/** Reviewing and fixing: a row in detail, picks, the gallery, edits, exports, opening files. */
export function reviewHandlers(context: HandlerContext): ReviewCalls {
  const { store, catalog, engine, desktop } = context;
  const videoOf = (attemptId: number) => {
    const file = mediaFileOf(store, attemptId, settingsOf(context).outputDir);
    if (!file) throw new ApiCallError({ code: 'not_found', message: 'This video is not in the output folder any more.' });
    return file;
  };
  return {
    getRowDetail: ({ rowId }) => {
      const row = store.rows.view(rowId);
      if (!row) throw new ApiCallError({ code: 'not_found', message: `Row ${rowId} does not exist.` });
      const locale = localeOf(context);
      const attempts = store.review.attemptsOfRow(rowId).map(({ filePath, fileSize, errorCode, ...attempt }) => ({
        ...attempt,
        errorMessage: errorText(locale, attempt.errorClass, attempt.errorMessage ?? errorCode),
        file: filePath ? { path: filePath, size: fileSize ?? 0, exists: existsSync(filePath) } : null,
      }));
      const logs = store.review.rowLogs(rowId).map((line) => ({ id: line.id, createdAt: line.created_at, type: line.type, level: line.level, message: line.message }));
      const issues = row.issues.map((issue) => ({ field: issue.field, message: translate(locale, issue.messageKey as MessageKey, issue.params) }));
      return { row, attempts, logs, issues };
    },
    setTakePick: ({ attemptId, pick }) => {
      if (!store.review.setPick(attemptId, pick)) throw new ApiCallError({ code: 'not_found', message: 'Only a finished take can be picked or rejected.' });
      const rowId = store.review.rowOf(attemptId);
      if (rowId !== undefined) engine.notifyRowChanged(rowId);
      return { attemptId, pick };
    },
    listGallery: ({ batchId, pick, offset, limit }) => {
      const { total, items } = store.review.gallery({ batchId, filter: pick, offset, limit });
      return { total, items: items.map(({ filePath, ...item }) => ({ ...item, fileName: filePath.split(/[\\/]/).pop() ?? filePath })) };
    },
    updateRows: ({ batchId, edits }) => {
      batchMustExist(context, batchId);
      const options = store.jobs.batch(batchId)?.options as { provider?: Parameters<typeof catalogProviderOf>[0] } | undefined;
      const outcome = editRows({ store, catalog, provider: catalogProviderOf(options?.provider ?? settingsOf(context).defaultProvider), batchId, edits });
      for (const rowId of outcome.updated) engine.notifyRowChanged(rowId);
      return outcome;
    },
    exportBatch: ({ batchId, format, failedOnly }) => {
      batchMustExist(context, batchId);
      const result = exportBatch(store, { batchId, format, correction: failedOnly, locale: localeOf(context) })!;
      // Beside the videos, in an exports folder, named so that exports never overwrite each other.
      const folder = join(settingsOf(context).outputDir, 'exports');
      mkdirSync(folder, { recursive: true });
      const stamp = new Date(context.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
      const path = join(folder, `batch-${batchId}${failedOnly ? '-failed' : ''}-${stamp}.${format === 'xlsx' ? 'xlsx' : 'csv'}`);
      writeFileSync(path, result.bytes);
      return { path, rows: result.rows };
    },
    openFile: async ({ attemptId, how }) => {
      const path = videoOf(attemptId);
      await (how === 'open' ? desktop.open(path) : desktop.reveal(path));
      return { path };
    },
  };
}

/** An attempt's error in the creator's words where its class is one of the taxonomy's; other failures (a download) keep the engine's text. */
function errorText(locale: Parameters<typeof providerErrorMessage>[0], errorClass: string | null, detail: string | null): string | null {
  const kind = ProviderErrorKindSchema.safeParse(errorClass);
  return kind.success ? providerErrorMessage(locale, kind.data, detail ?? '') : detail;
}
