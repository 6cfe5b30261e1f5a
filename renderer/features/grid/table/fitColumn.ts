/**
 * The width that shows a column's widest content among its header and the cells in the page,
 * padding and border included. A DOM Range measures the content's own boxes, so text cut off by
 * the cell counts at its full width; the header's resize handle, placed out of the flow, does not.
 */
export function fitColumnWidth(table: HTMLElement, colIdx: number): number {
  const range = document.createRange();
  let widest = 0;
  for (const cell of table.querySelectorAll<HTMLElement>(`[role="row"] > [aria-colindex="${colIdx + 1}"]`)) {
    range.selectNodeContents(cell);
    const handle = cell.querySelector('.vt-resize');
    if (handle) range.setEndBefore(handle);
    const style = getComputedStyle(cell);
    const chrome = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight) + Number.parseFloat(style.borderRightWidth);
    widest = Math.max(widest, range.getBoundingClientRect().width + chrome);
  }
  return Math.ceil(widest) + 1;
}
