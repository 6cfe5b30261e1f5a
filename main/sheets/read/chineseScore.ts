// How plausible a decoded text is, for telling GBK (GB18030) from Big5 from UTF-8 when the bytes are
// valid in more than one of them.
//
// The trick: real text uses common characters. Simplified text in GBK sits almost entirely in
// GB2312's "level 1" block (the 3,755 most used hanzi) and its punctuation rows; traditional text
// in Big5 sits in Big5's "frequent" block (5,401 hanzi) and its punctuation row. Bytes of one
// encoding decoded as the other land all over the code space: about half the characters fall
// outside the other encoding's common block (into rare hanzi, user-defined or symbol rows).
// The common sets are built here from the decoders themselves, so no character table is shipped.

/** Decodes every two-byte code with lead in [leadFrom, leadTo] and trail in the given ranges. */
function decodeBlock(
  label: string,
  leadFrom: number,
  leadTo: number,
  trails: ReadonlyArray<readonly [number, number]>,
  into: Set<number>,
): void {
  const bytes: number[] = [];
  for (let lead = leadFrom; lead <= leadTo; lead++) {
    for (const [from, to] of trails) {
      for (let trail = from; trail <= to; trail++) bytes.push(lead, trail);
    }
  }
  for (const ch of new TextDecoder(label).decode(new Uint8Array(bytes))) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isJunk(cp)) into.add(cp);
  }
}

/** Replacement character, private use, C0/C1 controls: never what a person typed. */
function isJunk(cp: number): boolean {
  return cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0x80 && cp <= 0x9f) || cp < 0x20;
}

const gbCommon = new Set<number>();
decodeBlock('gb18030', 0xa1, 0xa1, [[0xa1, 0xfe]], gbCommon); // punctuation: 、。“”《》…
decodeBlock('gb18030', 0xa3, 0xa3, [[0xa1, 0xfe]], gbCommon); // full-width ASCII: ，：！（）
decodeBlock('gb18030', 0xb0, 0xd7, [[0xa1, 0xfe]], gbCommon); // level-1 hanzi

const big5Common = new Set<number>();
decodeBlock('big5', 0xa1, 0xa1, [[0x40, 0x7e], [0xa1, 0xfe]], big5Common); // punctuation
decodeBlock('big5', 0xa4, 0xc5, [[0x40, 0x7e], [0xa1, 0xfe]], big5Common); // frequent hanzi
decodeBlock('big5', 0xc6, 0xc6, [[0x40, 0x7e]], big5Common);

const isCjkIdeograph = (cp: number) => (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf);

/** Characters outside Chinese that a UTF-8 sheet plausibly contains (accents, emoji, kana…). */
function isPlausibleOther(cp: number): boolean {
  return (
    (cp >= 0xa0 && cp <= 0x24f) || // Latin-1 and Latin Extended
    (cp >= 0x370 && cp <= 0x4ff) || // Greek, Cyrillic
    (cp >= 0x2000 && cp <= 0x2bff) || // punctuation, currency, arrows, math, shapes
    (cp >= 0x3000 && cp <= 0x30ff) || // CJK punctuation, kana
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
    cp >= 0x1f000 // emoji
  );
}

export type ScoreScheme = 'gb' | 'big5' | 'any';

// At most this many non-ASCII characters, within the first `scanLimit` code units, are looked at:
// plenty to decide, and cheap on a 50 MB file.
const sampleLimit = 20_000;
const scanLimit = 1 << 20;

/**
 * The share (0..1) of non-ASCII characters that look like real text for this scheme; 1 when the
 * text is all ASCII (nothing to tell encodings apart). Common characters weigh 1, rare hanzi 0.25,
 * junk 0.
 */
export function plausibility(text: string, scheme: ScoreScheme): number {
  let total = 0;
  let good = 0;
  const end = Math.min(text.length, scanLimit);
  for (let i = 0; i < end; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp < 0x80) continue;
    if (cp > 0xffff) i++; // the low surrogate of an emoji or a rare hanzi
    total++;
    if (isJunk(cp)) continue;
    if (scheme === 'gb' ? gbCommon.has(cp) : scheme === 'big5' ? big5Common.has(cp) : gbCommon.has(cp) || big5Common.has(cp)) {
      good += 1;
    } else if (isCjkIdeograph(cp)) {
      good += 0.25;
    } else if (scheme === 'any' && isPlausibleOther(cp)) {
      good += 1;
    }
    if (total >= sampleLimit) break;
  }
  return total === 0 ? 1 : good / total;
}
