// Recognising common files that are not spreadsheets by their first bytes ("magic numbers"), so a
// photo renamed .xlsx gets "it looks like a PNG image" instead of a parser's stack of complaints.
// Only signatures that no CSV can start with are listed (e.g. no "BM" for bitmaps: "BMW,…").

/** What the file looks like, for the `not_a_spreadsheet` message: `kind` is a stable code. */
export interface Lookalike {
  kind: string;
  detected: string;
}

interface Signature extends Lookalike {
  at: number;
  bytes: readonly number[];
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const signatures: readonly Signature[] = [
  { at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'png', detected: 'a PNG image' },
  { at: 0, bytes: [0xff, 0xd8, 0xff], kind: 'jpeg', detected: 'a JPEG image' },
  { at: 0, bytes: ascii('GIF87a'), kind: 'gif', detected: 'a GIF image' },
  { at: 0, bytes: ascii('GIF89a'), kind: 'gif', detected: 'a GIF image' },
  { at: 0, bytes: ascii('%PDF-'), kind: 'pdf', detected: 'a PDF document' },
  { at: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3], kind: 'webm', detected: 'a WebM or MKV video' },
  { at: 0, bytes: ascii('Rar!\x1a\x07'), kind: 'rar', detected: 'a RAR archive' },
  { at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: '7z', detected: 'a 7-Zip archive' },
  { at: 0, bytes: [0x1f, 0x8b], kind: 'gzip', detected: 'a gzip archive' },
  { at: 0, bytes: ascii('\x7fELF'), kind: 'program', detected: 'a program' },
  { at: 0, bytes: ascii('SQLite format 3\0'), kind: 'sqlite', detected: 'a database file' },
  { at: 0, bytes: ascii('{\\rtf'), kind: 'rtf', detected: 'an RTF document' },
  { at: 0, bytes: ascii('OggS'), kind: 'ogg', detected: 'an Ogg audio or video file' },
  { at: 0, bytes: ascii('fLaC'), kind: 'flac', detected: 'a FLAC audio file' },
];

const riffKinds: Record<string, Lookalike> = {
  WEBP: { kind: 'webp', detected: 'a WebP image' },
  WAVE: { kind: 'wav', detected: 'a WAV audio file' },
  'AVI ': { kind: 'avi', detected: 'an AVI video' },
};

function matches(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  if (bytes.length < at + expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

const latin = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

export function recogniseNonSheet(bytes: Uint8Array): Lookalike | null {
  for (const s of signatures) if (matches(bytes, s.at, s.bytes)) return { kind: s.kind, detected: s.detected };
  if (matches(bytes, 0, ascii('RIFF')) && bytes.length >= 12) {
    return riffKinds[latin(bytes, 8, 12)] ?? { kind: 'riff', detected: 'a media file' };
  }
  // ISO media (MP4, MOV, HEIC, M4A): a box size, then "ftyp" and the brand.
  if (matches(bytes, 4, ascii('ftyp')) && bytes.length >= 12) {
    const brand = latin(bytes, 8, 12);
    if (brand === 'qt  ') return { kind: 'mov', detected: 'a QuickTime video' };
    if (/^(heic|heix|mif1|msf1|avif)$/.test(brand)) return { kind: 'heic', detected: 'a HEIC or AVIF image' };
    if (/^M4A/.test(brand)) return { kind: 'm4a', detected: 'an M4A audio file' };
    return { kind: 'mp4', detected: 'an MP4 video' };
  }
  // MP3 with an ID3 tag: "ID3", a version byte 2–4, then a revision byte 0.
  if (matches(bytes, 0, ascii('ID3')) && (bytes[3] ?? 0) >= 2 && (bytes[3] ?? 0) <= 4 && bytes[4] === 0) {
    return { kind: 'mp3', detected: 'an MP3 audio file' };
  }
  return null;
}

/**
 * Binary content that is not one of the text encodings Genvid reads: NUL bytes (which UTF-8, GBK
 * and Big5 text never holds; a stray one is tolerated) or many control characters in the first
 * 8 KB. UTF-16 is ruled out by the caller before asking.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return nul > Math.max(2, n * 0.01) || control > n * 0.05;
}
