import { join } from 'node:path';

/**
 * Output file names that every OS accepts (product.md §2.1: "sanitised for every OS").
 *
 * The cap is in UTF-8 bytes because ext4 and APFS limit a name to 255 bytes, and a Chinese
 * character takes three; 180 leaves room for a " (12)" collision suffix and a ".part" suffix.
 */
export const MAX_FILE_NAME_BYTES = 180;

const FALLBACK_STEM = 'video';
const SLUG_CHARACTERS = 40;
// A cut that would leave less than this of the slug cuts mid-word instead of at a hyphen.
const SLUG_MIN_WORD_CUT = 20;

// Characters Windows forbids in names, and control characters (which no OS shows sensibly).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
// Windows refuses these device names as a name's first part, whatever follows the first dot.
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;
// What counts as an extension: short and plain, so "Scene 3. The end" has none.
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/** A name safe on Windows, macOS and Linux, at most MAX_FILE_NAME_BYTES, never an empty stem. */
export function sanitizeFileName(name: string): string {
  const { stem, extension } = splitExtension(trimEnd(cleanText(name)));
  const budget = MAX_FILE_NAME_BYTES - byteLength(extension);
  const fitted = trimEnd(truncateUtf8(stem, budget)) || FALLBACK_STEM;
  return `${escapeReserved(fitted)}${extension}`;
}

/**
 * The default output name `{row}-{name or prompt slug}.mp4` (product.md §2.1), with `-take{n}`
 * when a row asks for several takes. The name or slug is shortened, never the row number or the
 * take, so two takes of a long-named row stay apart.
 */
export function outputFileName(args: { rowNumber: number; name: string | null; prompt: string; take: number; takes: number }): string {
  const prefix = `${args.rowNumber}-`;
  const suffix = args.takes > 1 ? `-take${args.take}` : '';
  const extension = '.mp4';
  const label = (args.name === null ? '' : nameLabel(args.name)) || promptSlug(args.prompt) || FALLBACK_STEM;
  const budget = MAX_FILE_NAME_BYTES - byteLength(prefix + suffix + extension);
  return sanitizeFileName(`${prefix}${trimEnd(truncateUtf8(label, budget))}${suffix}${extension}`);
}

/** `dir/fileName`, or `dir/name (2).ext`, `dir/name (3).ext`, …: the first that does not exist. */
export function uniquePath(dir: string, fileName: string, exists: (path: string) => boolean): string {
  const first = join(dir, fileName);
  if (!exists(first)) return first;
  const { stem, extension } = splitExtension(fileName);
  // A bound, so a broken `exists` cannot spin forever.
  for (let n = 2; n < 100_000; n++) {
    const candidate = join(dir, `${stem} (${n})${extension}`);
    if (!exists(candidate)) return candidate;
  }
  throw new Error(`no free file name for ${fileName} in ${dir}`);
}

/** The slug of a prompt: its first words, lowercase, letters and digits of any script, hyphenated. */
export function promptSlug(prompt: string): string {
  // Whole graphemes, so an emoji goes with its variation selector and an accent stays on its letter.
  const kept = Array.from(graphemes.segment(prompt.normalize('NFC').toLowerCase()), ({ segment }) => {
    if (/^[\p{L}\p{N}]/u.test(segment)) return segment; // letters of any script (CJK too) and digits
    return /^[\s-]/u.test(segment) ? '-' : ''; // whitespace separates words; punctuation and emoji go
  });
  return cutSlug(kept.join('').replace(/-+/g, '-').replace(/^-|-$/g, ''));
}

/** Cuts to about SLUG_CHARACTERS, at a word boundary when that does not lose too much. */
function cutSlug(slug: string): string {
  const characters = Array.from(graphemes.segment(slug), (s) => s.segment);
  if (characters.length <= SLUG_CHARACTERS) return slug;
  const head = characters.slice(0, SLUG_CHARACTERS);
  const lastHyphen = head.lastIndexOf('-');
  const endsOnWord = characters[SLUG_CHARACTERS] === '-';
  const cut = !endsOnWord && lastHyphen >= SLUG_MIN_WORD_CUT ? head.slice(0, lastHyphen) : head;
  return cut.join('').replace(/-+$/, '');
}

/** A user-given name as a label; a ".mp4" they typed themselves is not doubled. */
function nameLabel(name: string): string {
  return cleanText(name).replace(/\.mp4$/i, '').trim();
}

/** NFC, whitespace runs to one space, forbidden and control characters to `_`, trimmed. */
function cleanText(text: string): string {
  // Whitespace first, so a tab or newline in a prompt becomes a space rather than `_`.
  return text.normalize('NFC').replace(/\s+/g, ' ').replace(FORBIDDEN, '_').trim();
}

/** Windows drops trailing dots and spaces, which would make the name on disk differ from ours. */
function trimEnd(text: string): string {
  return text.replace(/[. ]+$/, '');
}

function splitExtension(name: string): { stem: string; extension: string } {
  const match = EXTENSION.exec(name);
  if (!match) return { stem: name, extension: '' };
  return { stem: name.slice(0, match.index), extension: match[0] };
}

/** `CON.mp4` or `nul` cannot be created on Windows; `_CON.mp4` can. */
function escapeReserved(stem: string): string {
  const firstPart = stem.split('.')[0]!.trimEnd();
  return RESERVED.test(firstPart) ? `_${stem}` : stem;
}

/** The longest prefix within `maxBytes` of UTF-8 that ends between whole characters (graphemes). */
function truncateUtf8(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let kept = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    bytes += byteLength(segment);
    if (bytes > maxBytes) break;
    kept += segment;
  }
  return kept;
}

function byteLength(text: string): number {
  return utf8.encode(text).length;
}
