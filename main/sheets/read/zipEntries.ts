// The file names inside a ZIP archive, read from its structure without unpacking anything, to tell
// an .xlsx from a Word document, an OpenDocument file or a plain archive before parsing it.

export interface ZipListing {
  names: string[];
  /** False when the archive's central directory (at its end) is missing: a cut-off download. */
  complete: boolean;
}

const endOfDirectory = 0x06054b50; // "PK\x05\x06"
const directoryEntry = 0x02014b50; // "PK\x01\x02"
const localHeader = 0x04034b50; // "PK\x03\x04"

export function listZipEntries(bytes: Uint8Array): ZipListing {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fromDirectory = readCentralDirectory(bytes, view);
  if (fromDirectory) return { names: fromDirectory, complete: true };
  return { names: readLocalHeaders(bytes, view), complete: false };
}

const utf8 = new TextDecoder('utf-8');

function readCentralDirectory(bytes: Uint8Array, view: DataView): string[] | null {
  // The end record is 22 bytes plus a comment of up to 64 KB, so search backwards from the end.
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (view.getUint32(at, true) !== endOfDirectory) continue;
    const count = view.getUint16(at + 10, true);
    let offset = view.getUint32(at + 16, true);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== directoryEntry) return null;
      const nameLength = view.getUint16(offset + 28, true);
      const extraLength = view.getUint16(offset + 30, true);
      const commentLength = view.getUint16(offset + 32, true);
      names.push(utf8.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

/**
 * Without a central directory, walk the local headers from the start as far as they go. An entry
 * written with a trailing data descriptor does not state its size up front; the walk stops there,
 * which is enough to recognise what kind of archive it was.
 */
function readLocalHeaders(bytes: Uint8Array, view: DataView): string[] {
  const names: string[] = [];
  let offset = 0;
  while (offset + 30 <= bytes.length && view.getUint32(offset, true) === localHeader) {
    const flags = view.getUint16(offset + 6, true);
    const compressedSize = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    names.push(utf8.decode(bytes.subarray(offset + 30, offset + 30 + nameLength)));
    if (flags & 0x08) break;
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}
