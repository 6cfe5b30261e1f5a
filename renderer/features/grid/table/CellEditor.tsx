import { useRef, useState, type KeyboardEvent } from 'react';

/** How an editor closed: keep the text or not, give the cell back its focus, move sideways by. */
export type CloseEditor = (commit: boolean, refocus: boolean, move: -1 | 0 | 1) => void;

/**
 * The in-place editor. Enter commits, Escape cancels, Tab and Shift+Tab commit and move to the
 * next or previous cell, leaving the cell (a click elsewhere) commits. The table keeps the draft
 * (`onDraft`), so it can commit it to the right row whatever closes the editor. The text goes
 * back as typed: main, not the table, decides what a value means.
 */
export function CellEditor(props: { initial: string; replace: boolean; label: string; onDraft: (text: string) => void; onClose: CloseEditor }) {
  const { initial, replace, label, onDraft, onClose } = props;
  const [text, setText] = useState(initial);
  // Enter, Escape and Tab close the editor; the blur that follows must not close it again.
  const closed = useRef(false);

  const close = (commit: boolean, refocus: boolean, move: -1 | 0 | 1) => {
    if (closed.current) return;
    closed.current = true;
    onClose(commit, refocus, move);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The table's own keys (arrows, Enter, copy) must not act while the editor has the caret.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      close(true, true, 0);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(false, true, 0);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      close(true, true, event.shiftKey ? -1 : 1);
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
      onChange={(event) => {
        setText(event.target.value);
        onDraft(event.target.value);
      }}
      onKeyDown={onKeyDown}
      onBlur={() => close(true, false, 0)}
    />
  );
}
