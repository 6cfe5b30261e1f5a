import { describe, expect, it } from 'vitest';
import { blockRange, layoutColumns, navigate, revealCell, visibleRows, type ColumnSize } from '../../../../../renderer/features/grid/table/tableLayout.ts';

const columns: ColumnSize[] = [
  { width: 36, minWidth: 36, frozen: true },
  { width: 64, minWidth: 48, frozen: true },
  { width: 200, minWidth: 48 },
  { width: 100, minWidth: 48 },
  { width: 280, minWidth: 48, fill: true },
];

describe('column layout', () => {
  it('places columns one after another and measures the frozen ones', () => {
    const layout = layoutColumns(columns, new Map(), 0);
    expect(layout.widths).toEqual([36, 64, 200, 100, 280]);
    expect(layout.lefts).toEqual([0, 36, 100, 300, 400]);
    expect(layout.total).toBe(680);
    expect(layout.frozenWidth).toBe(100);
  });

  it('gives the fill column the room left on a wide viewport, never less than its width', () => {
    expect(layoutColumns(columns, new Map(), 1000).widths[4]).toBe(600);
    expect(layoutColumns(columns, new Map(), 500).widths[4]).toBe(280);
  });

  it('uses a resized width, kept above the minimum, and stops filling a resized fill column', () => {
    const layout = layoutColumns(columns, new Map([[2, 10], [4, 150]]), 1000);
    expect(layout.widths).toEqual([36, 64, 48, 100, 150]);
    expect(layout.total).toBe(398);
  });
});

describe('which rows are rendered', () => {
  it('renders whole blocks around the viewport, with overscan', () => {
    // Blocks of 8 rows of 40 px are 320 px tall; a 900 px viewport at 1000 px shows blocks 3 to 5.
    expect(blockRange({ scrollTop: 1000, height: 900 }, 10_000, 40, 8, 1)).toEqual({ first: 2, last: 6 });
  });

  it('stays the same range while a scroll stays inside the same blocks', () => {
    const a = blockRange({ scrollTop: 960, height: 900 }, 10_000, 40, 8, 1);
    const b = blockRange({ scrollTop: 1010, height: 900 }, 10_000, 40, 8, 1);
    expect(a).toEqual(b);
  });

  it('clamps to the rows there are, and is empty with none', () => {
    expect(blockRange({ scrollTop: 0, height: 900 }, 20, 40, 8, 1)).toEqual({ first: 0, last: 2 });
    expect(blockRange({ scrollTop: 0, height: 900 }, 0, 40, 8, 1)).toEqual({ first: 0, last: -1 });
  });

  it('tells the rows in view below the sticky header', () => {
    expect(visibleRows({ scrollTop: 400, height: 436 }, 36, 40)).toEqual({ first: 10, last: 20 });
  });
});

describe('revealing a cell', () => {
  const layout = layoutColumns(columns, new Map(), 0);
  const geometry = { rowHeight: 40, headerHeight: 36 };
  const view = { scrollTop: 400, scrollLeft: 0, width: 300, height: 436 };

  it('leaves the scroll alone when the cell is in view', () => {
    expect(revealCell(view, { rowIdx: 12, colIdx: 2 }, layout, geometry)).toEqual({ scrollTop: 400, scrollLeft: 0 });
  });

  it('scrolls up to a row above and down to a row below the body', () => {
    expect(revealCell(view, { rowIdx: 3, colIdx: 2 }, layout, geometry).scrollTop).toBe(120);
    // Row 20 ends at 840; the body is 400 px tall.
    expect(revealCell(view, { rowIdx: 20, colIdx: 2 }, layout, geometry).scrollTop).toBe(440);
  });

  it('never scrolls up or down for the sticky header row', () => {
    expect(revealCell(view, { rowIdx: -1, colIdx: 2 }, layout, geometry).scrollTop).toBe(400);
  });

  it('scrolls sideways so a cell is right of the frozen columns, and never for a frozen one', () => {
    expect(revealCell(view, { rowIdx: 12, colIdx: 3 }, layout, geometry).scrollLeft).toBe(100);
    expect(revealCell({ ...view, scrollLeft: 250 }, { rowIdx: 12, colIdx: 2 }, layout, geometry).scrollLeft).toBe(0);
    expect(revealCell({ ...view, scrollLeft: 250 }, { rowIdx: 12, colIdx: 1 }, layout, geometry).scrollLeft).toBe(250);
  });
});

describe('spreadsheet keys', () => {
  const size = { rows: 100, columns: 5, pageRows: 10 };
  const key = (name: string, ctrlKey = false) => ({ key: name, ctrlKey, metaKey: false });
  const from = { rowIdx: 50, colIdx: 2 };

  it('moves by one with the arrows and to the edges with Ctrl', () => {
    expect(navigate(from, key('ArrowDown'), size)).toEqual({ rowIdx: 51, colIdx: 2 });
    expect(navigate(from, key('ArrowLeft'), size)).toEqual({ rowIdx: 50, colIdx: 1 });
    expect(navigate(from, key('ArrowUp', true), size)).toEqual({ rowIdx: 0, colIdx: 2 });
    expect(navigate(from, key('ArrowRight', true), size)).toEqual({ rowIdx: 50, colIdx: 4 });
  });

  it('moves a screenful with Page Up and Down, and to the corners with Ctrl+Home and Ctrl+End', () => {
    expect(navigate(from, key('PageDown'), size)).toEqual({ rowIdx: 60, colIdx: 2 });
    expect(navigate({ rowIdx: 95, colIdx: 2 }, key('PageDown'), size)).toEqual({ rowIdx: 99, colIdx: 2 });
    expect(navigate(from, key('Home'), size)).toEqual({ rowIdx: 50, colIdx: 0 });
    expect(navigate(from, key('End', true), size)).toEqual({ rowIdx: 99, colIdx: 4 });
  });

  it('goes up to the header row (-1) with Arrow Up only, and back down from it', () => {
    expect(navigate({ rowIdx: 0, colIdx: 0 }, key('ArrowUp'), size)).toEqual({ rowIdx: -1, colIdx: 0 });
    expect(navigate({ rowIdx: 3, colIdx: 1 }, key('PageUp'), size)).toEqual({ rowIdx: 0, colIdx: 1 });
    expect(navigate({ rowIdx: 3, colIdx: 1 }, key('ArrowUp', true), size)).toEqual({ rowIdx: 0, colIdx: 1 });
    const header = { rowIdx: -1, colIdx: 2 };
    expect(navigate(header, key('ArrowUp'), size)).toEqual(header);
    expect(navigate(header, key('ArrowRight'), size)).toEqual({ rowIdx: -1, colIdx: 3 });
    expect(navigate(header, key('End'), size)).toEqual({ rowIdx: -1, colIdx: 4 });
    expect(navigate(header, key('PageUp'), size)).toEqual(header);
    expect(navigate(header, key('ArrowDown'), size)).toEqual({ rowIdx: 0, colIdx: 2 });
  });

  it('stays inside the table and ignores other keys', () => {
    expect(navigate({ rowIdx: 99, colIdx: 4 }, key('ArrowDown'), size)).toEqual({ rowIdx: 99, colIdx: 4 });
    expect(navigate({ rowIdx: 99, colIdx: 4 }, key('ArrowRight'), size)).toEqual({ rowIdx: 99, colIdx: 4 });
    expect(navigate(from, key('a'), size)).toBeNull();
  });
});
