import { describe, expect, it } from 'vitest';
import { parseClipboardBlock } from '../../../../renderer/features/grid/parseClipboardBlock.ts';

describe('reading a block copied from a spreadsheet', () => {
  it('splits tabs and CRLF lines and ignores the newline after the last line', () => {
    expect(parseClipboardBlock('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseClipboardBlock('one')).toEqual([['one']]);
    expect(parseClipboardBlock('x\ty\nz\tw')).toEqual([
      ['x', 'y'],
      ['z', 'w'],
    ]);
  });

  it('keeps empty cells, so columns stay aligned', () => {
    expect(parseClipboardBlock('a\t\tc\n\tb\t\n')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ]);
  });

  it('reads quoted cells with newlines, tabs and doubled quotes, as Excel writes them', () => {
    const text = '"一只猫\r\n在屋顶上"\tkling-3.0\r\n"say ""hi""\tnow"\tveo\r\n';
    expect(parseClipboardBlock(text)).toEqual([
      ['一只猫\r\n在屋顶上', 'kling-3.0'],
      ['say "hi"\tnow', 'veo'],
    ]);
  });

  it('keeps a cell that only starts with a quote as it is', () => {
    expect(parseClipboardBlock('"Hello" world\tb\n')).toEqual([['"Hello" world', 'b']]);
    expect(parseClipboardBlock('"unclosed\tb')).toEqual([['"unclosed', 'b']]);
  });
});
