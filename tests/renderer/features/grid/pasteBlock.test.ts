import { describe, expect, it } from 'vitest';
import { blockEdits, planPasteColumns } from '../../../../renderer/features/grid/pasteBlock.ts';

const keys = ['select', 'rowNumber', 'status', 'prompt', 'model', 'resolution', 'duration', 'aspect', 'name', 'takes', 'priority', 'attempts', 'cost', 'output', 'error'];

describe('where a pasted block lands', () => {
  it('fills editable columns to the right of the active one', () => {
    expect(planPasteColumns(keys, 'model', 2)).toEqual({ fields: ['model', 'resolution'], droppedColumns: 0 });
  });

  it('starts at the first editable column when pasted on a read-only one, and drops what does not fit', () => {
    expect(planPasteColumns(keys, 'status', 2).fields).toEqual(['prompt', 'model']);
    expect(planPasteColumns(keys, 'priority', 3)).toEqual({ fields: ['priority'], droppedColumns: 2 });
    expect(planPasteColumns(keys, 'error', 1)).toEqual({ fields: [], droppedColumns: 1 });
  });

  it('makes one edit per line, for the rows below', () => {
    const edits = blockEdits(
      [
        ['a', '5'],
        ['b', ''],
        ['c'],
      ],
      ['prompt', 'duration'],
      [11, 12, 13],
    );
    expect(edits).toEqual([
      { rowId: 11, fields: { prompt: 'a', duration: '5' } },
      { rowId: 12, fields: { prompt: 'b', duration: '' } },
      { rowId: 13, fields: { prompt: 'c' } },
    ]);
  });

  it('leaves out lines below the last row', () => {
    expect(blockEdits([['a'], ['b']], ['prompt'], [7])).toEqual([{ rowId: 7, fields: { prompt: 'a' } }]);
  });
});
