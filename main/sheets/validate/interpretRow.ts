import { resolveRequest, validateRequest, type RequestField } from '../../../shared/catalog/request.ts';
import type { ModelEntry, ProviderId, VideoRequest } from '../../../shared/catalog/schema.ts';
import type { Catalog } from '../../providers/catalog/catalog.ts';
import type { SheetField } from '../map/sheetFields.ts';
import { MAX_TAKES, readAspect, readDuration, readImages, readPriority, readResolution, readRowId, readTakes } from './cellValues.ts';
import { suggestModels } from './modelSuggestions.ts';
import type { CellIssue } from './sheetIssues.ts';

/** A row's cells by field, as text (the prompt after `{{column}}` filling). */
export type RawFields = Partial<Record<SheetField, string>>;

/** What a row asks for, read and checked against the catalog. */
export interface InterpretedRow {
  rowId: number | null;
  model: string | null;
  request: VideoRequest;
  takes: number;
  priority: number;
  name: string | null;
  issues: CellIssue[];
  /** Model + everything the request resolves to: two rows with the same key make the same video. Null when the row is invalid. */
  duplicateKey: string | null;
}

export interface InterpretContext {
  catalog: Catalog;
  provider: ProviderId;
  /** Used where the model cell is blank (the CLI's --model, the import dialog's choice). */
  defaultModel?: string | undefined;
}

const fieldOfRequest: Record<RequestField, SheetField> = {
  model: 'model', prompt: 'prompt', durationS: 'duration', resolution: 'resolution', aspectRatio: 'aspect', images: 'image',
  audio: 'prompt', seed: 'prompt', negativePrompt: 'prompt',
};

/**
 * A row reader for one sheet. Sheets repeat the same few models and settings down 100,000 rows, so
 * each distinct cell text is read once and each model name looked up once.
 */
export function rowInterpreter(context: InterpretContext): (raw: RawFields) => InterpretedRow {
  const caches = new Map<string, Map<string, unknown>>();
  const cached = <T>(name: string, reader: (cell: string) => T) => {
    const cache = new Map<string, T>();
    caches.set(name, cache);
    return (cell: string): T => {
      if (cache.has(cell)) return cache.get(cell)!;
      const value = reader(cell);
      cache.set(cell, value);
      return value;
    };
  };
  const readers = {
    rowId: cached('rowId', readRowId),
    resolution: cached('resolution', readResolution),
    duration: cached('duration', readDuration),
    aspect: cached('aspect', readAspect),
    takes: cached('takes', readTakes),
    priority: cached('priority', readPriority),
    model: cached('model', (name: string) => (name ? context.catalog.find(context.provider, name) : undefined)),
    suggestions: cached('suggestions', (name: string) => suggestModels(context.catalog.forProvider(context.provider), name)),
  };
  return (raw) => interpret(raw, context, readers);
}

export function interpretRow(raw: RawFields, context: InterpretContext): InterpretedRow {
  return rowInterpreter(context)(raw);
}

interface Readers {
  rowId: typeof readRowId;
  resolution: typeof readResolution;
  duration: typeof readDuration;
  aspect: typeof readAspect;
  takes: typeof readTakes;
  priority: typeof readPriority;
  model: (name: string) => ModelEntry | undefined;
  suggestions: (name: string) => string[];
}

function interpret(raw: RawFields, context: InterpretContext, readers: Readers): InterpretedRow {
  const issues: CellIssue[] = [];
  const bad = (field: SheetField, code: string, params: Record<string, string | number> = {}) =>
    issues.push({ field, code, messageKey: `sheetIssue.${code}` as CellIssue['messageKey'], params: { given: raw[field]?.trim() ?? '', ...params } });
  const read = <T>(field: SheetField, reader: (cell: string) => T | undefined | null, code: string, params?: Record<string, string | number>): T | undefined => {
    const value = reader(raw[field] ?? '');
    if (value === null) bad(field, code, params);
    return value ?? undefined;
  };

  const rowId = read('rowId', readers.rowId, 'bad_row_id') ?? null;
  const resolution = read('resolution', readers.resolution, 'bad_resolution');
  const durationS = read('duration', readers.duration, 'bad_duration');
  const aspectRatio = read('aspect', readers.aspect, 'bad_aspect');
  const takes = read('takes', readers.takes, 'bad_takes', { max: MAX_TAKES }) ?? 1;
  const priority = read('priority', readers.priority, 'bad_priority') ?? 0;
  const images = raw.image ? readImages(raw.image) : undefined;
  const name = raw.name?.trim() || null;
  const request: VideoRequest = { prompt: (raw.prompt ?? '').trim() };
  if (resolution !== undefined) request.resolution = resolution;
  if (durationS !== undefined) request.durationS = durationS;
  if (aspectRatio !== undefined) request.aspectRatio = aspectRatio;
  if (images !== undefined) request.images = images;

  const modelName = raw.model?.trim() || context.defaultModel || '';
  const entry = readers.model(modelName);
  if (!modelName) bad('model', 'no_model');
  else if (!entry) {
    const suggestions = readers.suggestions(modelName);
    bad('model', suggestions.length > 0 ? 'unknown_model_suggest' : 'unknown_model', { given: modelName, provider: context.provider, suggestions: suggestions.join(', ') });
  }
  if (!entry) {
    if (request.prompt === '') bad('prompt', 'prompt_empty');
    return { rowId, model: modelName || null, request, takes, priority, name, issues, duplicateKey: null };
  }
  for (const issue of validateRequest(entry, request)) {
    issues.push({ field: fieldOfRequest[issue.field], code: issue.code, messageKey: issue.messageKey, params: issue.params });
  }
  return { rowId, model: entry.id, request, takes, priority, name, issues, duplicateKey: issues.length === 0 ? duplicateKeyOf(context.provider, entry, request) : null };
}

/**
 * The model and everything the request resolves to (defaults filled in), as one string: exact, so
 * two rows share a key only if they truly ask for the same video (a reused video must be right).
 */
function duplicateKeyOf(provider: ProviderId, entry: ModelEntry, request: VideoRequest): string {
  return JSON.stringify([provider, entry.id, resolveRequest(entry, request)]);
}
