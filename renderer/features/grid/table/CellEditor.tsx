import { useRef, useState, type KeyboardEvent } from 'react';

/**
 * The in-place editor. Enter commits, Escape cancels, leaving the cell (a click elsewhere, Tab)
 * commits. The text goes back as typed: main, not the table, decides what a value means.
 */
export function CellEditor(props: { initial: string; replace: boolean; label: string; onCommit: (text: string, refocus: boolean) => void; onCancel: () => void }) {
  const { initial, replace, label, onCommit, onCancel } = props;
  const [text, setText] = useState(initial);
  // Enter and Escape close the editor, and the blur that follows must not commit a second time.
  const closed = useRef(false);

  const close = (commit: boolean, refocus: boolean) => {
    if (closed.current) return;
    closed.current = true;
    if (commit) onCommit(text, refocus);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The table's own keys (arrows, Enter, copy) must not act while the editor has the caret.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      close(true, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(false, true);
    }
  };

  return (
    <input
      className="grid-editor"
      data-testid="grid-editor"
      aria-label={label}
      value={text}
      ref={(input) => {
        if (!input || document.activeElement === input) return;
        input.focus({ preventScroll: true });
        // Typing a character over a cell replaces its text, as in a spreadsheet; Enter or F2 selects it.
        if (replace) input.setSelectionRange(text.length, text.length);
        else input.select();
      }}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => close(true, false)}
    />
  );
}
