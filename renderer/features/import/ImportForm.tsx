import { useId, type FormEvent } from 'react';
import type { ImportPreview } from '../../../shared/contract/importSchemas.ts';
import { useT } from '../../i18n/useT.ts';
import { useImportStore } from './importStore.ts';
import { MappingTable } from './MappingTable.tsx';
import { ModelSection } from './ModelSection.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { ProblemText } from './ProblemText.tsx';
import { SourceSection } from './SourceSection.tsx';

/** The open sheet: what was read, the mapping, the rows, and the batch name with Import and Cancel. */
export function ImportForm({ preview, titleId }: { preview: ImportPreview; titleId: string }) {
  const t = useT();
  const id = useId();
  const { name, revising, committing, problem, setName, commit, cancel } = useImportStore();
  const blocked = preview.sheetIssues.length > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // aria-disabled rather than disabled: a disabled button drops the keyboard focus.
    if (!blocked && !committing) void commit();
  };

  return (
    <form className="import-form" onSubmit={onSubmit} aria-describedby={`${id}-counts`}>
      <header className="import-head">
        <h2 id={titleId}>{t('import.dialog.title', { file: preview.fileName })}</h2>
      </header>
      <div className="import-body">
        <SourceSection preview={preview} />
        {blocked && (
          <div className="import-alert" role="alert" data-testid="import-sheet-issues">
            <p>{t('import.sheetIssues')}</p>
            <ul>
              {preview.sheetIssues.map((issue, index) => (
                <li key={index}>{issue.message}</li>
              ))}
            </ul>
          </div>
        )}
        <MappingTable preview={preview} />
        <ModelSection preview={preview} />
        <PreviewTable preview={preview} updating={revising} />
      </div>
      <footer className="import-foot">
        <div className="import-summary">
          <p id={`${id}-counts`} className="import-counts" data-testid="import-counts">
            {[
              t(preview.rowCount === 1 ? 'import.count.rows.one' : 'import.count.rows.other', { count: preview.rowCount }),
              t('import.count.problems', { count: preview.problemRows }),
              t(preview.duplicateRows === 1 ? 'import.count.duplicates.one' : 'import.count.duplicates.other', { count: preview.duplicateRows }),
            ].join(' · ')}
          </p>
          {preview.problemRows > 0 && <p className="muted small">{t('import.problemsNote')}</p>}
          {preview.duplicateRows > 0 && <p className="muted small">{t('import.duplicatesNote')}</p>}
          <p className="muted small" role="status">
            {revising ? t('import.updating') : committing ? t('import.submitting') : ''}
          </p>
          {problem && (
            <p className="import-error" role="alert" data-testid="import-error">
              <ProblemText problem={problem} />
            </p>
          )}
        </div>
        <div className="import-actions">
          <label className="import-field import-name">
            <span>{t('import.name')}</span>
            <input data-testid="import-name" data-autofocus type="text" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
          </label>
          <button type="button" data-testid="import-cancel" onClick={cancel}>
            {t('import.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="import-submit" aria-disabled={blocked || committing}>
            {committing ? t('import.submitting') : t('import.submit')}
          </button>
        </div>
      </footer>
    </form>
  );
}
