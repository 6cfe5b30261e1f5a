import { useRef, type ChangeEvent } from 'react';
import { useT } from '../../i18n/useT.ts';
import { SHEET_EXTENSIONS } from '../../../shared/domain/sheetFiles.ts';
import { useImportStore } from './importStore.ts';

const acceptedSheetTypes = SHEET_EXTENSIONS.map((extension) => `.${extension}`).join(',');

interface Props {
  className?: string;
  /** Replaces the default "Open a sheet…" text. */
  label?: string;
}

/** A button that opens the system's file chooser and imports the chosen sheet. */
export function OpenSheetButton({ className, label }: Props) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it in Excel) fires again.
    event.target.value = '';
    if (file) void useImportStore.getState().openFile(file);
  };

  return (
    <>
      <button type="button" className={className ?? 'import-open-button'} data-testid="open-sheet-button" onClick={() => input.current?.click()}>
        {label ?? t('import.open')}
      </button>
      <input ref={input} type="file" accept={acceptedSheetTypes} hidden tabIndex={-1} data-testid="open-sheet-input" onChange={onChange} />
    </>
  );
}
