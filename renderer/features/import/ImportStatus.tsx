import { useT } from '../../i18n/useT.ts';
import { useImportStore, type ImportProblem } from './importStore.ts';
import { OpenSheetButton } from './OpenSheetButton.tsx';
import { ProblemText } from './ProblemText.tsx';

/** While main reads and checks the file (a 100,000-row sheet takes seconds). */
export function ReadingBody({ fileName, titleId }: { fileName: string; titleId: string }) {
  const t = useT();
  const cancel = useImportStore((state) => state.cancel);
  return (
    <div className="import-status" aria-busy="true">
      <h2 id={titleId}>{t('import.reading', { file: fileName })}</h2>
      <progress className="import-progress" data-testid="import-reading" aria-label={t('import.reading', { file: fileName })} />
      <p className="muted small">{t('import.reading.hint')}</p>
      <div className="import-actions">
        <button type="button" data-testid="import-cancel" data-autofocus onClick={cancel}>
          {t('import.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The file could not be read: main's sentence says why; the creator picks another file or closes. */
export function FailedBody({ fileName, problem, titleId }: { fileName: string; problem: ImportProblem; titleId: string }) {
  const t = useT();
  const cancel = useImportStore((state) => state.cancel);
  return (
    <div className="import-status">
      <h2 id={titleId}>{t('import.failed.title', { file: fileName })}</h2>
      <p className="import-alert" role="alert" data-testid="import-error">
        <ProblemText problem={problem} />
      </p>
      <div className="import-actions">
        <OpenSheetButton label={t('import.failed.chooseAnother')} />
        <button type="button" data-testid="import-cancel" data-autofocus onClick={cancel}>
          {t('import.close')}
        </button>
      </div>
    </div>
  );
}
