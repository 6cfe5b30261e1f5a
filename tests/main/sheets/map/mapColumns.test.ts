import { describe, expect, it } from 'vitest';
import { columnLetter, findHeaderRow, uniqueHeaders } from '../../../../main/sheets/map/findHeader.ts';
import { applyMapping, headerSignature, mapColumns, mappingOf } from '../../../../main/sheets/map/mapColumns.ts';
import { guessField, normaliseHeader } from '../../../../main/sheets/map/sheetFields.ts';

describe('recognising header names', () => {
  it('maps English and Chinese names, whatever their case, spacing, width or units', () => {
    expect(guessField('Prompt')).toEqual({ field: 'prompt', confidence: 1 });
    expect(guessField('提示词')).toEqual({ field: 'prompt', confidence: 1 });
    expect(guessField('Aspect_Ratio')).toEqual({ field: 'aspect', confidence: 1 });
    expect(guessField('时长（秒）')).toEqual({ field: 'duration', confidence: 1 });
    expect(guessField('Duration (s)')).toEqual({ field: 'duration', confidence: 1 });
    expect(guessField('ＭＯＤＥＬ')).toEqual({ field: 'model', confidence: 1 });
    expect(guessField('横竖屏')?.field).toBe('aspect');
    expect(guessField('参考图')?.field).toBe('image');
    expect(guessField('数量')?.field).toBe('takes');
    expect(guessField('genvid_row_id')?.field).toBe('rowId');
  });

  it('gives a lower confidence to a name that only contains a known one', () => {
    expect(guessField('视频提示词')).toEqual({ field: 'prompt', confidence: 0.7 });
    expect(guessField('Main prompt text')?.confidence).toBe(0.7);
    expect(guessField('备注')).toBeUndefined();
    expect(guessField('')).toBeUndefined();
  });

  it('normalises for template signatures', () => {
    expect(normaliseHeader(' Image URL ')).toBe(normaliseHeader('image_url'));
  });
});

describe('finding the header row', () => {
  it('skips title rows and blank rows above the header', () => {
    const cells = [['2026 秋季新品视频'], [''], ['', ''], ['序号', '提示词', '模型', '时长'], ['1', '一只猫', 'kling-3.0', '5']];
    expect(findHeaderRow(cells)).toBe(3);
  });

  it('takes the first row of at least two cells when no header names a known field', () => {
    expect(findHeaderRow([['Shot list'], ['Idea', 'Notes'], ['a cat', 'x']])).toBe(1);
  });

  it('returns -1 for a sheet with nothing in it', () => {
    expect(findHeaderRow([[''], ['  ']])).toBe(-1);
  });

  it('names blank headers by column letter and numbers repeated ones', () => {
    expect(uniqueHeaders([' prompt ', '', 'prompt', 'Prompt'], 5)).toEqual(['prompt', 'Column B', 'prompt (2)', 'Prompt', 'Column E']);
    expect([0, 25, 26, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ']);
  });
});

describe('mapping columns to fields', () => {
  it('maps each field once, preferring an exact name over a partial one, and the first of two', () => {
    const columns = mapColumns(['视频提示词', 'prompt', 'prompt (2)', '模型', '备注']);
    expect(columns.map((column) => column.field)).toEqual([null, 'prompt', null, 'model', null]);
    expect(mappingOf(columns)).toEqual({ prompt: 'prompt', model: '模型' });
  });

  it('lets a chosen mapping override the automatic one, including unmapping a field', () => {
    const headers = ['prompt', 'Notes', 'image'];
    const columns = applyMapping(headers, { prompt: 'Notes', image: null });
    expect(columns).toEqual([
      { header: 'prompt', field: null, confidence: 0 },
      { header: 'Notes', field: 'prompt', confidence: 1 },
      { header: 'image', field: null, confidence: 0 },
    ]);
  });

  it('ignores a chosen column the sheet does not have', () => {
    expect(mappingOf(applyMapping(['prompt'], { model: 'Model' }))).toEqual({ prompt: 'prompt' });
  });

  it('gives the same signature to the same headers written differently, and another to others', () => {
    expect(headerSignature(['Prompt', 'Model'])).toBe(headerSignature(['prompt', ' MODEL']));
    expect(headerSignature(['Prompt', 'Model'])).not.toBe(headerSignature(['Model', 'Prompt']));
  });
});
