import { useRef, type PointerEvent } from 'react';
import { cellStyle } from './TableBlock.tsx';
import type { TableColumn } from './tableColumn.ts';

/**
 * The sticky header row: the select-all checkbox, then each column's name with a handle that
 * resizes it by dragging (double-click fits it to its content). It is row -1 of the table's keyboard navigation (Arrow Up from the
 * first row), where Space on the checkbox's cell selects all.
 */
export function TableHeader<Row>(props: {
  columns: readonly TableColumn<Row>[];
  widths: readonly number[];
  allSelected: boolean | 'some';
  /** The active cell's column when it is in the header, else -1. */
  activeCol: number;
  selectAllLabel: string;
  onToggleAll: (checked: boolean) => void;
  onResize: (colIdx: number, width: number) => void;
  /** Fits a column to the widest of its cells in view (double-click on its edge). */
  onAutoSize: (colIdx: number) => void;
}) {
  const { columns, widths, allSelected, activeCol, selectAllLabel, onToggleAll, onResize, onAutoSize } = props;
  return (
    <div role="row" aria-rowindex={1} className="vt-header">
      <div role="columnheader" aria-colindex={1} tabIndex={activeCol === 0 ? 0 : -1} className="vt-cell vt-frozen vt-select" style={cellStyle(0, true)}>
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={selectAllLabel}
          checked={allSelected === true}
          ref={(input) => {
            if (input) input.indeterminate = allSelected === 'some';
          }}
          // A partial selection is cleared by the first click, as in a mail client.
          onChange={() => onToggleAll(allSelected === false)}
        />
      </div>
      {columns.map((column, index) => (
        <div key={column.key} role="columnheader" aria-colindex={index + 2} tabIndex={activeCol === index + 1 ? 0 : -1} className={`vt-cell${column.frozen ? ' vt-frozen' : ''}`} style={cellStyle(index + 1, column.frozen === true)}>
          <span title={column.name}>{column.name}</span>
          <ResizeHandle width={widths[index + 1] ?? column.width} minWidth={column.minWidth} onResize={(width) => onResize(index + 1, width)} onAutoSize={() => onAutoSize(index + 1)} />
        </div>
      ))}
    </div>
  );
}

/** Drag to resize (the pointer is captured, so the drag goes on outside the header); double-click to fit. */
function ResizeHandle(props: { width: number; minWidth: number; onResize: (width: number) => void; onAutoSize: () => void }) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width: props.width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (start) props.onResize(Math.max(props.minWidth, Math.round(start.width + event.clientX - start.x)));
  };
  const end = () => {
    drag.current = null;
  };
  return <div className="vt-resize" aria-hidden="true" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={end} onPointerCancel={end} onDoubleClick={props.onAutoSize} />;
}
