import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_BYTES, outputFileName, promptSlug, sanitizeFileName, uniquePath } from '../../../../main/engine/download/fileNames.ts';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('sanitizeFileName', () => {
  it('replaces the characters Windows forbids and control characters with _', () => {
    expect(sanitizeFileName('a<b>c:d"e/f\\g|h?i*j.mp4')).toBe('a_b_c_d_e_f_g_h_i_j.mp4');
    expect(sanitizeFileName('bell\u0007null\u0000del\u007f.mp4')).toBe('bell_null_del_.mp4');
  });

  it('collapses whitespace (tabs and newlines included) to one space and trims it', () => {
    expect(sanitizeFileName('  a\t\tpaper \n\r boat   .mp4')).toBe('a paper boat.mp4');
  });

  it('strips trailing dots and spaces, which Windows would drop silently', () => {
    expect(sanitizeFileName('the end. . .')).toBe('the end');
    expect(sanitizeFileName('clip.mp4 . ')).toBe('clip.mp4');
  });

  it('NFC-normalises, so the same name typed on macOS and Windows is the same file', () => {
    const decomposed = 'Cafe\u0301.mp4';
    expect(sanitizeFileName(decomposed)).toBe('Caf\u00e9.mp4');
  });

  it('prefixes Windows device names, with or without an extension, in any case', () => {
    for (const reserved of ['CON', 'prn', 'Aux', 'nul', 'COM1', 'com9', 'LPT1', 'lpt9']) {
      expect(sanitizeFileName(reserved)).toBe(`_${reserved}`);
      expect(sanitizeFileName(`${reserved}.mp4`)).toBe(`_${reserved}.mp4`);
    }
    expect(sanitizeFileName('CON.tar.gz')).toBe('_CON.tar.gz');
  });

  it('leaves names that only look like device names alone', () => {
    for (const fine of ['COM10.mp4', 'CONSOLE.mp4', 'LPT0.mp4', 'my-con.mp4', '1-CON.mp4']) expect(sanitizeFileName(fine)).toBe(fine);
  });

  it('never returns an empty stem', () => {
    expect(sanitizeFileName('')).toBe('video');
    expect(sanitizeFileName('   ')).toBe('video');
    expect(sanitizeFileName('..')).toBe('video');
    expect(sanitizeFileName('.mp4')).toBe('video.mp4');
    expect(sanitizeFileName(' . .mp4')).toBe('video.mp4');
  });

  it('keeps Chinese characters and emoji intact', () => {
    expect(sanitizeFileName('下雨的街道 🌧️ 纸船 👨‍👩‍👧.mp4')).toBe('下雨的街道 🌧️ 纸船 👨‍👩‍👧.mp4');
  });

  it(`caps the name at ${MAX_FILE_NAME_BYTES} UTF-8 bytes, keeping the extension and whole characters`, () => {
    const latin = sanitizeFileName(`${'x'.repeat(300)}.mp4`);
    expect(bytes(latin)).toBe(MAX_FILE_NAME_BYTES);
    expect(latin).toBe(`${'x'.repeat(MAX_FILE_NAME_BYTES - 4)}.mp4`);

    // 3 bytes each: 176 bytes of stem room holds 58 of them (174 bytes), never a broken one.
    const chinese = sanitizeFileName(`${'猫'.repeat(100)}.mp4`);
    expect(chinese).toBe(`${'猫'.repeat(58)}.mp4`);

    // 4 bytes and a surrogate pair each: 44 fit exactly; no lone surrogate is left behind.
    const emoji = sanitizeFileName(`${'😀'.repeat(100)}.mp4`);
    expect(emoji).toBe(`${'😀'.repeat(44)}.mp4`);
    expect(emoji.isWellFormed()).toBe(true);

    // A family emoji is one character of 18 bytes: it goes whole or not at all.
    const families = sanitizeFileName(`${'👨‍👩‍👧'.repeat(20)}.mp4`);
    expect(families).toBe(`${'👨‍👩‍👧'.repeat(9)}.mp4`);
  });

  it('does not mistake a sentence ending for an extension', () => {
    const long = `Scene 3. ${'a'.repeat(300)}`;
    const result = sanitizeFileName(long);
    expect(bytes(result)).toBe(MAX_FILE_NAME_BYTES);
    expect(result.startsWith('Scene 3. aaa')).toBe(true);
  });

  it('is idempotent', () => {
    for (const name of ['CON.mp4', 'a<b>.mp4', `${'猫'.repeat(100)}.mp4`, ' x. ', '.mp4']) {
      const once = sanitizeFileName(name);
      expect(sanitizeFileName(once)).toBe(once);
    }
  });
});

describe('promptSlug', () => {
  it('lowercases Latin, hyphenates whitespace and drops punctuation and emoji', () => {
    expect(promptSlug('A Paper boat, on a RAINY street!! ☀️')).toBe('a-paper-boat-on-a-rainy-street');
    expect(promptSlug("the cat's   toy — at night")).toBe('the-cats-toy-at-night');
  });

  it('keeps CJK and accented letters whole', () => {
    expect(promptSlug('一只纸船，在雨中的街道上漂流。')).toBe('一只纸船在雨中的街道上漂流');
    expect(promptSlug('Crème brûlée au café')).toBe('crème-brûlée-au-café');
  });

  it('takes about the first 40 characters, cutting at a word boundary', () => {
    const slug = promptSlug('The quick brown fox jumps over the lazy dog and keeps running far away');
    expect(slug).toBe('the-quick-brown-fox-jumps-over-the-lazy');
    expect(promptSlug('中'.repeat(60))).toBe('中'.repeat(40));
  });

  it('is empty when the prompt has no letters or digits', () => {
    expect(promptSlug('!!! ??? 🎬')).toBe('');
  });
});

describe('outputFileName', () => {
  it('is {row}-{prompt slug}.mp4 without a name', () => {
    expect(outputFileName({ rowNumber: 12, name: null, prompt: 'A paper boat on a rainy street', take: 1, takes: 1 })).toBe('12-a-paper-boat-on-a-rainy-street.mp4');
  });

  it('uses the row name when given, without doubling a typed .mp4', () => {
    expect(outputFileName({ rowNumber: 3, name: '开场 镜头', prompt: 'ignored', take: 1, takes: 1 })).toBe('3-开场 镜头.mp4');
    expect(outputFileName({ rowNumber: 3, name: 'intro.MP4', prompt: 'ignored', take: 1, takes: 1 })).toBe('3-intro.mp4');
  });

  it('falls back to the prompt when the name is blank, and to "video" when both are', () => {
    expect(outputFileName({ rowNumber: 4, name: '   ', prompt: 'Sunrise', take: 1, takes: 1 })).toBe('4-sunrise.mp4');
    expect(outputFileName({ rowNumber: 5, name: null, prompt: '🎬!!', take: 1, takes: 1 })).toBe('5-video.mp4');
  });

  it('adds -take{n} only when a row asks for several takes', () => {
    expect(outputFileName({ rowNumber: 7, name: 'boat', prompt: '', take: 2, takes: 3 })).toBe('7-boat-take2.mp4');
    expect(outputFileName({ rowNumber: 7, name: 'boat', prompt: '', take: 1, takes: 1 })).toBe('7-boat.mp4');
  });

  it('sanitises the name, and shortens it rather than the take number', () => {
    expect(outputFileName({ rowNumber: 8, name: 'a/b: c?', prompt: '', take: 1, takes: 1 })).toBe('8-a_b_ c_.mp4');
    const long = outputFileName({ rowNumber: 9, name: '猫'.repeat(100), prompt: '', take: 2, takes: 2 });
    expect(long.endsWith('-take2.mp4')).toBe(true);
    expect(bytes(long)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(long.startsWith('9-猫猫')).toBe(true);
  });
});

describe('uniquePath', () => {
  it('returns dir/fileName when it is free', () => {
    expect(uniquePath('/out', 'a.mp4', () => false)).toBe(join('/out', 'a.mp4'));
  });

  it('numbers the name from (2) until one is free', () => {
    const taken = new Set([join('/out', 'a.mp4'), join('/out', 'a (2).mp4')]);
    expect(uniquePath('/out', 'a.mp4', (path) => taken.has(path))).toBe(join('/out', 'a (3).mp4'));
  });

  it('numbers a name without an extension too', () => {
    expect(uniquePath('/out', 'notes', (path) => path === join('/out', 'notes'))).toBe(join('/out', 'notes (2)'));
  });
});
