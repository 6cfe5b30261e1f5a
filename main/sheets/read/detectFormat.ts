// What kind of file this is: by its first bytes first, by its name's extension second. Users rename
// files, and systems export "xls" files that are really tab-separated text, so the bytes decide
// whenever they can.

import { Buffer } from 'node:buffer';
import type { SheetFormat } from '../sheetTypes.ts';
import { detectBom, sniffUtf16 } from './decodeText.ts';
import { fail, type Outcome } from './readErrors.ts';
import { looksBinary, recogniseNonSheet } from './signatures.ts';
import { listZipEntries } from './zipEntries.ts';

export type DetectedFormat =
  | { kind: 'workbook'; format: 'xlsx' | 'xls' }
  /** `format` is null when the extension says nothing; the delimiter then decides csv or tsv. */
  | { kind: 'text'; format: Extract<SheetFormat, 'csv' | 'tsv' | 'txt'> | null };

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const emptyZipMagic = [0x50, 0x4b, 0x05, 0x06];
const ole2Magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const workbookExtensions = new Set(['xlsx', 'xlsm', 'xlsb', 'xls', 'xlt', 'xltx', 'xltm']);

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export function detectFormat(bytes: Uint8Array, fileName: string): Outcome<DetectedFormat> {
  const extension = extensionOf(fileName);
  if (startsWith(bytes, zipMagic) || startsWith(bytes, emptyZipMagic)) return classifyZip(bytes, fileName, extension);
  if (startsWith(bytes, ole2Magic)) return classifyOle2(bytes, fileName);
  const lookalike = recogniseNonSheet(bytes);
  if (lookalike) return fail('not_a_spreadsheet', { file: fileName, ...lookalike });

  const bom = detectBom(bytes);
  const utf16 = bom?.encoding.startsWith('utf-16') || sniffUtf16(bytes) !== null;
  if (!utf16 && looksBinary(bytes)) {
    return fail('not_a_spreadsheet', { file: fileName, kind: 'binary', detected: 'a binary file' });
  }
  if (!utf16 && looksLikeHtml(bytes.subarray(bom ? 3 : 0, 2048))) {
    return fail('not_a_spreadsheet', { file: fileName, kind: 'html', detected: 'a web page (HTML)' });
  }
  const format = extension === 'csv' || extension === 'tsv' || extension === 'txt' ? extension : null;
  return { ok: true, value: { kind: 'text', format } };
}

/**
 * An .xlsx is a ZIP archive with an `xl/workbook.xml` (or `.bin`) part. Word and PowerPoint files
 * and OpenDocument files are ZIP archives too; each gets its own answer.
 */
function classifyZip(bytes: Uint8Array, file: string, extension: string): Outcome<DetectedFormat> {
  const { names, complete } = listZipEntries(bytes);
  const has = (prefix: string) => names.some((n) => n.toLowerCase().startsWith(prefix));
  if (has('word/')) return fail('not_a_spreadsheet', { file, kind: 'docx', detected: 'a Word document' });
  if (has('ppt/')) return fail('not_a_spreadsheet', { file, kind: 'pptx', detected: 'a PowerPoint presentation' });
  if (has('mimetype')) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    if (head.includes('opendocument.spreadsheet')) return fail('unsupported_format', { file });
    return fail('not_a_spreadsheet', { file, kind: 'odf', detected: 'an OpenDocument file' });
  }
  const isOoxml = has('xl/') || has('[content_types].xml') || has('_rels/');
  if (!complete && (isOoxml || workbookExtensions.has(extension))) {
    return fail('damaged_workbook', { file, detail: 'the file is incomplete: the end of the ZIP archive is missing' });
  }
  if (has('xl/workbook.xml') || has('xl/workbook.bin')) return { ok: true, value: { kind: 'workbook', format: 'xlsx' } };
  if (isOoxml) {
    return fail('damaged_workbook', { file, detail: 'the archive has no workbook part (xl/workbook.xml)' });
  }
  return fail('not_a_spreadsheet', { file, kind: 'zip', detected: 'a ZIP archive' });
}

/**
 * Excel 97–2003 files are OLE2 compound files holding a "Workbook" (or, before Excel 97, "Book")
 * stream. Word .doc, PowerPoint .ppt and Outlook .msg use the same container; a password-protected
 * .xlsx too (an "EncryptedPackage" stream). Stream names are stored in UTF-16 LE.
 */
function classifyOle2(bytes: Uint8Array, file: string): Outcome<DetectedFormat> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hasStream = (name: string) => buffer.indexOf(Buffer.from(name, 'utf16le')) !== -1;
  if (hasStream('EncryptedPackage')) {
    return fail('damaged_workbook', { file, detail: 'the workbook is password-protected; save it without a password' });
  }
  if (hasStream('Workbook') || hasStream('Book')) return { ok: true, value: { kind: 'workbook', format: 'xls' } };
  if (hasStream('WordDocument')) return fail('not_a_spreadsheet', { file, kind: 'doc', detected: 'a Word document' });
  if (hasStream('PowerPoint Document')) {
    return fail('not_a_spreadsheet', { file, kind: 'ppt', detected: 'a PowerPoint presentation' });
  }
  // Unknown streams, or a directory cut off: let the workbook reader try and report what it finds.
  return { ok: true, value: { kind: 'workbook', format: 'xls' } };
}

/** "Excel" exports from some web systems are HTML tables saved with an .xls name. */
function looksLikeHtml(head: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(head).trimStart().toLowerCase();
  return text.startsWith('<') && /<(html|table|!doctype html)/.test(text);
}
