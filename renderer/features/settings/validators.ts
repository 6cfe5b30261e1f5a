import type { MessageKey } from '../../../shared/i18n/en.ts';

/**
 * Checks for what the creator types, in the creator's words, before anything is sent: main checks
 * again, but its messages are for developers and a refused update would not say which field.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: MessageKey; params?: Record<string, string | number> };

const wholeNumber = /^\d+$/;

export function parseWholeNumber(text: string, min: number, max: number): Parsed<number> {
  const trimmed = text.trim().replace(/[,_\s]/g, '');
  if (!wholeNumber.test(trimmed)) return { ok: false, message: 'settingsScreen.error.wholeNumber', params: { min, max } };
  const value = Number(trimmed);
  if (value < min || value > max) return { ok: false, message: 'settingsScreen.error.wholeNumber', params: { min, max } };
  return { ok: true, value };
}

/** Empty means no cap; thousands separators are allowed because creators copy figures from dashboards. */
export function parseBudget(text: string): Parsed<number | null> {
  const trimmed = text.trim().replace(/[,_\s]/g, '');
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!/^\d*\.?\d+$/.test(trimmed) || !Number.isFinite(value) || value <= 0) return { ok: false, message: 'settingsScreen.error.budget' };
  return { ok: true, value };
}

/** A full path: the engine writes there from another process, so a relative or ~ path would be ambiguous. */
export function parseFolder(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'settingsScreen.error.folderEmpty' };
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(trimmed)) return { ok: false, message: 'settingsScreen.error.folderRelative' };
  return { ok: true, value: trimmed };
}

/** Empty means the provider's own address. */
export function parseBaseUrl(text: string): Parsed<string | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'settingsScreen.error.url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'settingsScreen.error.url' };
  return { ok: true, value: trimmed.replace(/\/+$/, '') };
}

/** What main accepts for a key (SetKeyInputSchema): 8 to 500 characters once trimmed. */
export function parseKey(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed.length < 8 || trimmed.length > 500) return { ok: false, message: 'settingsScreen.error.key' };
  return { ok: true, value: trimmed };
}
