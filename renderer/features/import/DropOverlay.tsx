import type { DragEvent } from 'react';
import { useT } from '../../i18n/useT.ts';

interface Props {
  onDropFile(file: File): void;
  onLeave(): void;
}

/**
 * Covers the whole window while a file is dragged over it, so the drop always lands here whatever
 * is underneath. Its content ignores the pointer: leaving the overlay itself means leaving the window.
 */
export function DropOverlay({ onDropFile, onLeave }: Props) {
  const t = useT();

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (event: DragEvent) => {
    if (event.relatedTarget === null || !event.currentTarget.contains(event.relatedTarget as Node)) onLeave();
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    onLeave();
    const file = event.dataTransfer.files[0];
    if (file) onDropFile(file);
  };

  return (
    <div className="import-drop-overlay" data-testid="import-drop-overlay" onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <div className="import-drop-card" aria-live="polite">
        <svg className="import-drop-icon" viewBox="0 0 48 48" aria-hidden="true">
          <path d="M24 6v26M14 22l10 10 10-10M8 34v8h32v-8" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <p className="import-drop-title">{t('import.overlay.title')}</p>
        <p className="muted">{t('import.overlay.body')}</p>
      </div>
    </div>
  );
}
