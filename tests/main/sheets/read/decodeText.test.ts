import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, type DecodedText } from '../../../../main/sheets/read/decodeText.ts';
import { readSheet } from '../../../../main/sheets/read/readSheet.ts';
import type { TextEncoding } from '../../../../main/sheets/sheetTypes.ts';

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

function decoded(bytes: Uint8Array, override?: TextEncoding): DecodedText {
  const result = decodeText(bytes, override);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

// Real sentences of the kind creators write, each in simplified and traditional script.
const sentences = [
  ['一只橘猫在雨中的东京街头奔跑，电影感，慢镜头', '一隻橘貓在雨中的東京街頭奔跑，電影感，慢鏡頭'],
  ['产品展示：白色运动鞋在旋转台上，柔和的灯光', '產品展示：白色運動鞋在旋轉台上，柔和的燈光'],
  ['夕阳下的海边，一对情侣牵手散步', '夕陽下的海邊，一對情侶牽手散步'],
  ['提示词,模型,分辨率,时长', '提示詞,模型,解析度,時長'],
  ['无人机航拍：清晨的山间湖泊，薄雾缭绕', '無人機航拍：清晨的山間湖泊，薄霧繚繞'],
  ['模型', '模型'],
  ['你好', '你好'],
] as const;

describe('GBK against Big5', () => {
  it.each(sentences)('GBK "%s" reads as GB18030', (simplified) => {
    const result = decoded(encode(simplified, 'gbk'));
    expect(result.encoding).toBe('gb18030');
    expect(result.text).toBe(simplified);
  });

  it.each(sentences)('Big5 "%s" / "%s" reads as Big5', (_simplified, traditional) => {
    const result = decoded(encode(traditional, 'big5'));
    expect(result.encoding).toBe('big5');
    expect(result.text).toBe(traditional);
  });
});

describe('UTF-8 and its look-alikes', () => {
  it('takes valid UTF-8', () => {
    const result = decoded(new TextEncoder().encode('提示词,model\n一只猫,sora-2\n'));
    expect(result.encoding).toBe('utf-8');
    expect(result.candidates.map((c) => [c.encoding, c.valid])).toEqual([
      ['utf-8', true],
      ['gb18030', false],
      ['big5', false],
    ]);
  });

  it('prefers GBK when the GBK bytes happen to be valid UTF-8 for unlikely characters', () => {
    // "住址" in GBK is D7 A1 D6 B7: valid UTF-8 for two Hebrew marks.
    const bytes = encode('住址', 'gbk');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe('סַ');
    const result = decoded(bytes);
    expect(result.encoding).toBe('gb18030');
    expect(result.text).toBe('住址');
    expect(result.candidates).toContainEqual({ encoding: 'utf-8', valid: true, preview: 'סַ' });
  });

  it('keeps UTF-8 when both read plausibly (the override is the way out)', () => {
    // GBK "浣犲ソ" is the bytes of UTF-8 "你好": a genuine ambiguity, decided for UTF-8.
    const result = decoded(encode('浣犲ソ', 'gbk'));
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe('你好');
    expect(decoded(encode('浣犲ソ', 'gbk'), 'gb18030').text).toBe('浣犲ソ');
  });

  it('treats pure ASCII as UTF-8 and offers every encoding as valid', () => {
    const result = decoded(new TextEncoder().encode('prompt,model\na cat,sora-2\n'));
    expect(result.encoding).toBe('utf-8');
    expect(result.candidates.every((c) => c.valid && c.preview === 'prompt,model\na cat,sora-2')).toBe(true);
  });
});

describe('byte-order marks and UTF-16', () => {
  it.each([
    ['utf-8', [0xef, 0xbb, 0xbf], new TextEncoder().encode('提示词\n')],
    ['utf-16le', [0xff, 0xfe], encode('提示词\n', 'utf16le')],
    ['utf-16be', [0xfe, 0xff], encode('提示词\n', 'utf16-be')],
  ] as const)('a %s BOM decides and is stripped', (encoding, bom, body) => {
    const result = decoded(new Uint8Array([...bom, ...body]));
    expect(result.encoding).toBe(encoding);
    expect(result.text).toBe('提示词\n');
    expect(result.candidates[0]).toEqual({ encoding, valid: true, preview: '提示词' });
  });

  it('recognises UTF-16 LE without a BOM by its NUL bytes', () => {
    const result = decoded(encode('prompt\tmodel\n一只猫\tsora-2\n', 'utf16le'));
    expect(result.encoding).toBe('utf-16le');
    expect(result.text).toBe('prompt\tmodel\n一只猫\tsora-2\n');
  });
});

describe('choosing the encoding by hand', () => {
  const gbk = encode('提示词,模型\n一只橘猫在雨中奔跑,sora-2\n', 'gbk');

  it('reads a GBK file as GB18030 when asked', () => {
    expect(decoded(gbk, 'gb18030').text).toBe('提示词,模型\n一只橘猫在雨中奔跑,sora-2\n');
  });

  it('reads it as Big5 when asked, since the bytes are valid Big5 (the preview shows nonsense)', () => {
    const result = decoded(gbk, 'big5');
    expect(result.encoding).toBe('big5');
    expect(result.text).not.toContain('提示词');
  });

  it('refuses UTF-8 for it: undecodable, naming the encoding', () => {
    expect(decodeText(gbk, 'utf-8')).toEqual({ ok: false, error: { code: 'undecodable', params: { encoding: 'UTF-8' } } });
    expect(readSheet(gbk, 'tasks.csv', { encoding: 'utf-8' })).toEqual({
      ok: false,
      error: { code: 'undecodable', params: { encoding: 'UTF-8' } },
    });
  });

  it('accepts an encoding outside the detected candidates when the bytes are valid in it', () => {
    const result = decoded(new Uint8Array([0x61, 0x00, 0x62, 0x00]), 'utf-16le');
    expect(result.text).toBe('ab');
    expect(result.encoding).toBe('utf-16le');
    expect(result.candidates.map((c) => c.encoding)).toContain('utf-16le');
  });

  it('with no clean reading at all, decodes leniently instead of refusing', () => {
    // UTF-8 text with one byte cut out of a character, and an 0xFF that no encoding accepts.
    const broken = new Uint8Array([...new TextEncoder().encode('提示词,模型\n一只猫,sora-2\n'), 0xff]);
    broken.copyWithin(1, 2); // damage the first character
    const auto = decoded(broken.subarray(0, broken.length - 1));
    expect(auto.candidates.every((c) => !c.valid)).toBe(true);
    expect(auto.encoding).toBe('utf-8');
    expect(auto.text).toContain('模型');
    expect(auto.text).toContain('\uFFFD');
    expect(decoded(broken, 'utf-8').text).toContain('一只猫');
  });
});
