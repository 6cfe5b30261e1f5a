// Turning the bytes of a delimited file into text: which encoding, and how the file reads in each
// plausible one (for the import preview's encoding override).
//
// Order of evidence:
//  1. A byte-order mark (UTF-8, UTF-16 LE, UTF-16 BE) decides, and is stripped.
//  2. No BOM but NUL bytes on every other position: UTF-16 without BOM (decided the same way).
//  3. Otherwise UTF-8, GB18030 and Big5 are each tried strictly. Valid UTF-8 wins, unless a valid
//     Chinese legacy reading is clearly more plausible (short GBK text can be valid UTF-8: "住址"
//     in GBK is valid UTF-8 for two Hebrew marks). GB18030 against Big5 is decided by
//     `plausibility` (common-character share), a tie going to GB18030 (the usual Chinese Excel
//     default).
//  4. Nothing valid (a damaged file): the most plausible reading, with U+FFFD for the bad bytes.
//
// An explicit encoding is decoded strictly. If the bytes are invalid in it while another encoding
// reads them cleanly, the answer is `undecodable` (the user picked the wrong one); if no encoding
// reads them cleanly, the chosen one is used with replacement characters, since refusing would
// leave the user with no way in.

import type { EncodingCandidate, TextEncoding } from '../sheetTypes.ts';
import { plausibility, type ScoreScheme } from './chineseScore.ts';
import { encodingLabels, fail, type Outcome } from './readErrors.ts';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Best first: the one used, then the other valid ones by plausibility, then invalid ones. */
  candidates: EncodingCandidate[];
}

const previewLines = 5;
const previewBytes = 4096;
/** How much more plausible a legacy reading must be to beat a valid UTF-8 one. */
const legacyMargin = 0.25;

const schemes: Record<TextEncoding, ScoreScheme> = {
  'utf-8': 'any',
  'utf-16le': 'any',
  'utf-16be': 'any',
  gb18030: 'gb',
  big5: 'big5',
};

interface Reading {
  encoding: TextEncoding;
  /** Null when the bytes are invalid in this encoding. */
  text: string | null;
  score: number;
}

export function decodeText(bytes: Uint8Array, override?: TextEncoding): Outcome<DecodedText> {
  const bom = detectBom(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const marked = bom?.encoding ?? sniffUtf16(body);
  // A BOM (or the UTF-16 byte pattern) settles the encoding, so the others are not offered.
  const tried: TextEncoding[] = marked?.startsWith('utf-16') ? [marked] : ['utf-8', 'gb18030', 'big5'];
  if (override && !tried.includes(override)) tried.push(override);
  const readings = tried.map((encoding) => read(body, encoding));

  const chosen = override ? readings.find((r) => r.encoding === override) : choose(readings, marked, body);
  if (!chosen) throw new Error('unreachable: the override is always tried');
  if (chosen.text === null && override && readings.some((r) => r.text !== null)) {
    return fail('undecodable', { encoding: encodingLabels[override] });
  }
  const text = chosen.text ?? decodeLenient(body, chosen.encoding);
  return { ok: true, value: { text, encoding: chosen.encoding, candidates: rank(readings, chosen, body) } };
}

function choose(readings: Reading[], marked: TextEncoding | null, body: Uint8Array): Reading {
  const by = (encoding: TextEncoding) => readings.find((r) => r.encoding === encoding);
  if (marked) return by(marked) ?? (readings[0] as Reading);
  const utf8 = by('utf-8');
  const legacy = readings
    .filter((r) => r.encoding !== 'utf-8' && r.text !== null)
    .sort((a, b) => b.score - a.score)[0]; // stable: GB18030 before Big5 on a tie
  if (utf8?.text != null) {
    return legacy && legacy.score - utf8.score >= legacyMargin ? legacy : utf8;
  }
  if (legacy) return legacy;
  // Nothing decodes cleanly: score lenient readings of the first 64 KB (U+FFFD counts as junk,
  // so the reading with the fewest bad bytes and the most common characters wins).
  const head = body.subarray(0, 65_536);
  let best = readings[0] as Reading;
  let bestScore = -1;
  for (const r of readings) {
    const score = plausibility(decodeLenient(head, r.encoding), schemes[r.encoding]);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

function read(body: Uint8Array, encoding: TextEncoding): Reading {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return { encoding, text, score: plausibility(text, schemes[encoding]) };
  } catch {
    return { encoding, text: null, score: 0 };
  }
}

function decodeLenient(body: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}

function rank(readings: Reading[], chosen: Reading, body: Uint8Array): EncodingCandidate[] {
  const others = readings
    .filter((r) => r !== chosen)
    .sort((a, b) => Number(b.text !== null) - Number(a.text !== null) || b.score - a.score);
  return [chosen, ...others].map((r) => ({
    encoding: r.encoding,
    valid: r.text !== null,
    preview: firstLines(r.text ?? decodeLenient(body.subarray(0, previewBytes), r.encoding), previewLines),
  }));
}

function firstLines(text: string, count: number): string {
  let end = -1;
  for (let i = 0; i < count; i++) {
    const next = text.indexOf('\n', end + 1);
    if (next === -1) {
      end = Math.min(text.length, previewBytes);
      break;
    }
    end = next;
  }
  return text.slice(0, end).replace(/\r?\n?$/, '').replace(/\r$/, '');
}

interface Bom {
  encoding: TextEncoding;
  length: number;
}

export function detectBom(bytes: Uint8Array): Bom | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: text with ASCII in it (delimiters, line breaks, English) has a NUL byte
 * in every other position, on one side only. Text encodings Genvid reads never contain NULs.
 */
export function sniffUtf16(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // A few zeros on the other side are characters like U+4E00 "一" (bytes 00 4E).
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}
