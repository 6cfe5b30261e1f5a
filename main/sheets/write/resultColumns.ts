// The results of a batch as an export table (product §2 steps 5-6): pure, no database access.
//
// Columns, in order:
// 1. `genvid_row_id`: the database row id, named the same in every language so a re-imported
//    correction sheet matches its rows back reliably. A source column already called
//    `genvid_row_id` (a re-imported earlier export) is not repeated: the leading one is authoritative.
// 2. Every input column as imported: original headers, original order, text as read.
// 3. Result columns (not in a correction sheet): status (the row status code, e.g. `done`,
//    `failed`, the same in every language so it filters and re-imports predictably), error,
//    attempts, cost (the settled spend, rounded to micro-units), cost unit, task id(s), file path(s)
//    (several joined one per line), created, updated, finished.
// A correction sheet (`correction: true`, for failed rows) has `genvid_row_id`, the input columns,
// and the error last, so the creator sees why while editing.
//
// Headers are English or Chinese (a small map here; it may move to shared/i18n). A result header
// that equals an input header (compared trimmed and case-insensitively: a sheet's "Status" column)
// is disambiguated as "status (genvid)", then "status (genvid 2)", …; no column is dropped.
//
// Times are local wall-clock time as "YYYY-MM-DD HH:MM:SS" (24-hour, no zone): Excel in every locale
// reads that from a CSV as a date-time, and as text it still sorts in time order. `timeZone` (an
// IANA name) overrides the machine's zone, for tests and for users who want UTC.

import type { ExportCell, ExportTable } from './exportTable.ts';

export interface ExportRowRecord {
  rowId: number;
  rowNumber: number;
  /** Every input column as imported, by header. */
  source: Record<string, string>;
  /** The original header order of the batch. */
  sourceHeaders: string[];
  status: string;
  error: string | null;
  attempts: number;
  /** Settled spend in the provider's unit; null when nothing was charged. */
  cost: { amount: number; unit: 'credits' | 'usd' } | null;
  taskIds: string[];
  filePaths: string[];
  /** Unix ms. */
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

export type ExportLocale = 'en' | 'zh-CN';

export interface ResultTableOptions {
  locale: ExportLocale;
  /** The failed-rows correction sheet: input columns and the error only. */
  correction?: boolean;
  /** Header order when records disagree or are empty; default: the union of the records' headers. */
  sourceHeaders?: string[];
  /** IANA time zone for the time columns; default the machine's local zone. */
  timeZone?: string;
}

export const rowIdHeader = 'genvid_row_id';

export type ResultColumn =
  | 'status'
  | 'error'
  | 'attempts'
  | 'cost'
  | 'costUnit'
  | 'taskIds'
  | 'filePaths'
  | 'createdAt'
  | 'updatedAt'
  | 'finishedAt';

export const resultHeaders: Record<ExportLocale, Record<ResultColumn, string>> = {
  en: {
    status: 'status',
    error: 'error',
    attempts: 'attempts',
    cost: 'cost',
    costUnit: 'cost unit',
    taskIds: 'task id',
    filePaths: 'file path',
    createdAt: 'created',
    updatedAt: 'updated',
    finishedAt: 'finished',
  },
  'zh-CN': {
    status: '状态',
    error: '错误',
    attempts: '尝试次数',
    cost: '费用',
    costUnit: '费用单位',
    taskIds: '任务 ID',
    filePaths: '文件路径',
    createdAt: '创建时间',
    updatedAt: '更新时间',
    finishedAt: '完成时间',
  },
};

const costUnits: Record<ExportLocale, Record<'credits' | 'usd', string>> = {
  en: { credits: 'credits', usd: 'USD' },
  'zh-CN': { credits: '积分', usd: '美元' },
};

const resultOrder: readonly ResultColumn[] = [
  'status',
  'error',
  'attempts',
  'cost',
  'costUnit',
  'taskIds',
  'filePaths',
  'createdAt',
  'updatedAt',
  'finishedAt',
];

const headerKey = (header: string) => header.trim().toLowerCase();

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Unix ms as "YYYY-MM-DD HH:MM:SS" in the local zone, or in `timeZone` when given. */
export function formatTimestamp(ms: number, timeZone?: string): string {
  if (timeZone === undefined) {
    const d = new Date(ms);
    return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }
  let format = zoneFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(ms)) parts[part.type] = part.value;
  return `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The settled amount, rounded to the ledger's micro-units so 0.1 + 0.2 reads 0.3. */
export function roundCost(amount: number): number {
  return Math.round(amount * 1_000_000) / 1_000_000;
}

function unionHeaders(records: readonly ExportRowRecord[]): string[] {
  const seen = new Set<string>();
  const headers: string[] = [];
  for (const record of records) {
    for (const header of record.sourceHeaders) {
      if (!seen.has(header)) {
        seen.add(header);
        headers.push(header);
      }
    }
  }
  return headers;
}

/** `wanted`, or "wanted (genvid)", "wanted (genvid 2)", … whichever is not yet taken. */
function uniqueHeader(wanted: string, taken: Set<string>): string {
  let candidate = wanted;
  for (let n = 1; taken.has(headerKey(candidate)); n++) candidate = `${wanted} (genvid${n === 1 ? '' : ` ${n}`})`;
  taken.add(headerKey(candidate));
  return candidate;
}

/** The export table for these rows, in the order given. */
export function resultTable(records: readonly ExportRowRecord[], options: ResultTableOptions): ExportTable {
  const { locale, correction = false, timeZone } = options;
  const sourceHeaders = (options.sourceHeaders ?? unionHeaders(records)).filter((h) => headerKey(h) !== rowIdHeader);
  const taken = new Set<string>([rowIdHeader, ...sourceHeaders.map(headerKey)]);
  const columns: readonly ResultColumn[] = correction ? ['error'] : resultOrder;
  const names = resultHeaders[locale];
  const headers = [rowIdHeader, ...sourceHeaders, ...columns.map((column) => uniqueHeader(names[column], taken))];

  const rows = records.map((record): ExportCell[] => {
    const row: ExportCell[] = [record.rowId];
    for (const header of sourceHeaders) row.push(record.source[header] ?? null);
    for (const column of columns) row.push(resultCell(record, column, locale, timeZone));
    return row;
  });
  return { headers, rows };
}

function resultCell(record: ExportRowRecord, column: ResultColumn, locale: ExportLocale, timeZone: string | undefined): ExportCell {
  switch (column) {
    case 'status':
      return record.status;
    case 'error':
      return record.error === null || record.error === '' ? null : record.error;
    case 'attempts':
      return record.attempts;
    case 'cost':
      return record.cost === null ? null : roundCost(record.cost.amount);
    case 'costUnit':
      return record.cost === null ? null : costUnits[locale][record.cost.unit];
    case 'taskIds':
      return record.taskIds.length === 0 ? null : record.taskIds.join('\n');
    case 'filePaths':
      return record.filePaths.length === 0 ? null : record.filePaths.join('\n');
    case 'createdAt':
      return formatTimestamp(record.createdAt, timeZone);
    case 'updatedAt':
      return formatTimestamp(record.updatedAt, timeZone);
    case 'finishedAt':
      return record.finishedAt === null ? null : formatTimestamp(record.finishedAt, timeZone);
  }
}
