import { useEffect, useId, useRef } from 'react';
import { useImportStore } from './importStore.ts';
import { ImportForm } from './ImportForm.tsx';
import { FailedBody, ReadingBody } from './ImportStatus.tsx';
import { useFocusTrap } from './useFocusTrap.ts';

/** The modal around the import's three states: reading, failed, and the open sheet. */
export function ImportDialog() {
  const phase = useImportStore((state) => state.phase);
  const cancel = useImportStore((state) => state.cancel);
  const busy = useImportStore((state) => state.revising || state.committing);
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useFocusTrap(dialog, cancel);

  // Each state names the control a keyboard user most likely wants next.
  useEffect(() => {
    const root = dialog.current;
    if (!root) return;
    (root.querySelector<HTMLElement>('[data-autofocus]') ?? root).focus();
  }, [phase.kind]);

  if (phase.kind === 'closed') return null;
  return (
    <div className="import-backdrop">
      <div ref={dialog} className={`import-dialog import-${phase.kind}`} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} data-testid="import-dialog" data-phase={phase.kind} data-busy={busy}>
        {phase.kind === 'reading' && <ReadingBody fileName={phase.fileName} titleId={titleId} />}
        {phase.kind === 'failed' && <FailedBody fileName={phase.fileName} problem={phase.problem} titleId={titleId} />}
        {phase.kind === 'open' && <ImportForm preview={phase.preview} titleId={titleId} />}
      </div>
    </div>
  );
}
