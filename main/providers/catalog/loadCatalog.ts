import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { CatalogFileSchema, ModelEntrySchema, type ModelEntry } from '../../../shared/catalog/schema.ts';
import { Catalog } from './catalog.ts';
import { checkEntry } from './checkEntries.ts';
import falData from './data/fal.json' with { type: 'json' };
import kieData from './data/kie.json' with { type: 'json' };
import openaiData from './data/openai.json' with { type: 'json' };

/** The file in the data folder where a creator adds models or overrides built-in ones. */
export const USER_CATALOG_FILE = 'catalog.json';

export interface CatalogLoad {
  catalog: Catalog;
  /** Problems with the user's file, each saying what was ignored; the rest of the catalog works. */
  problems: string[];
}

/** The catalog that ships with Genvid. A broken built-in file is a bug, so it throws. */
export function builtinEntries(): ModelEntry[] {
  const entries = [kieData, falData, openaiData].flatMap((data) => CatalogFileSchema.parse(data).models);
  const problems = entries.flatMap((entry) => checkEntry(entry, entries));
  if (problems.length > 0) throw new Error(`The built-in catalog is inconsistent:\n${problems.join('\n')}`);
  return entries;
}

/**
 * The built-in catalog with the user's file applied. A user entry whose provider and id match a
 * built-in one is merged over it (objects merged key by key; arrays, values and `status` replaced),
 * so a price change needs only the pricing block; any other entry must be complete. An entry that does
 * not validate is skipped with a message; a file that is not JSON is ignored whole.
 */
export function loadCatalog(userFile?: string): CatalogLoad {
  const builtin = builtinEntries();
  if (!userFile || !existsSync(userFile)) return { catalog: new Catalog(builtin), problems: [] };

  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(userFile, 'utf8'));
  } catch (error) {
    return { catalog: new Catalog(builtin), problems: [`${userFile} is not valid JSON (${(error as Error).message}); it was ignored.`] };
  }
  const models = (parsed as { models?: unknown })?.models;
  if (!Array.isArray(models)) {
    return { catalog: new Catalog(builtin), problems: [`${userFile} has no "models" list; it was ignored.`] };
  }

  const problems: string[] = [];
  const entries = new Map(builtin.map((entry) => [`${entry.provider}/${entry.id}`, entry]));
  models.forEach((raw: unknown, index) => {
    const label = describe(raw, index);
    const base = isRecord(raw) ? entries.get(`${String(raw.provider)}/${String(raw.id)}`) : undefined;
    const result = ModelEntrySchema.safeParse(base ? mergeOver(base, raw) : raw);
    if (!result.success) {
      problems.push(`${userFile}: ${label} was ignored: ${formatIssues(result.error)}`);
      return;
    }
    const semantic = checkEntry(result.data, [...entries.values(), result.data]);
    if (semantic.length > 0) {
      problems.push(`${userFile}: ${label} was ignored: ${semantic.join(' ')}`);
      return;
    }
    entries.set(`${result.data.provider}/${result.data.id}`, result.data);
  });
  return { catalog: new Catalog([...entries.values()]), problems };
}

function describe(raw: unknown, index: number): string {
  return isRecord(raw) && typeof raw.id === 'string' ? `model ${String(raw.provider)}/${raw.id}` : `models[${index}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys whose value is replaced whole: a status is active or retired, never a blend of both. */
const REPLACED_WHOLE = new Set(['status']);

function mergeOver(base: unknown, override: unknown): unknown {
  if (!isRecord(base) || !isRecord(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = REPLACED_WHOLE.has(key) ? value : mergeOver(base[key], value);
  return merged;
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`).join('; ');
}
