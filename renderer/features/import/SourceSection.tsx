import type { ImportPreview } from '../../../shared/contract/importSchemas.ts';
import { useT } from '../../i18n/useT.ts';
import { useImportStore } from './importStore.ts';

type TextEncoding = NonNullable<ImportPreview['encoding']>;

/** What was read: the format, and for text files the encoding (with how each candidate reads), for workbooks the sheet. */
export function SourceSection({ preview }: { preview: ImportPreview }) {
  const t = useT();
  return (
    <section className="import-source" aria-label={t('import.file')}>
      <dl className="import-facts">
        <div>
          <dt>{t('import.format')}</dt>
          <dd data-testid="import-format">{t(`import.format.${preview.format}`)}</dd>
        </div>
        <div>
          <dt>{t('import.headerRow')}</dt>
          <dd data-testid="import-header-row">{t('import.headerRow.value', { row: preview.headerRow })}</dd>
        </div>
      </dl>
      {preview.sheets.length > 0 && <SheetSelect preview={preview} />}
      {preview.encoding !== null && <EncodingChoice preview={preview} encoding={preview.encoding} />}
    </section>
  );
}

function SheetSelect({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const setSheet = useImportStore((state) => state.setSheet);
  return (
    <label className="import-field">
      <span>{t('import.sheet')}</span>
      <select data-testid="import-sheet-select" value={preview.sheet ?? ''} onChange={(event) => void setSheet(event.target.value)}>
        {preview.sheets.map((sheet) => (
          <option key={sheet} value={sheet}>
            {sheet}
          </option>
        ))}
      </select>
    </label>
  );
}

function EncodingChoice({ preview, encoding }: { preview: ImportPreview; encoding: TextEncoding }) {
  const t = useT();
  const setEncoding = useImportStore((state) => state.setEncoding);
  const candidates = preview.encodingCandidates.some((candidate) => candidate.encoding === encoding)
    ? preview.encodingCandidates
    : [{ encoding, valid: true, preview: '' }, ...preview.encodingCandidates];
  const name = (value: TextEncoding) => t(`import.encodingName.${value}`);

  return (
    <div className="import-encoding">
      <label className="import-field">
        <span>{t('import.encoding')}</span>
        <select data-testid="import-encoding-select" value={encoding} aria-describedby="import-encoding-hint" onChange={(event) => void setEncoding(event.target.value as TextEncoding)}>
          {candidates.map((candidate) => (
            <option key={candidate.encoding} value={candidate.encoding}>
              {candidate.valid ? name(candidate.encoding) : t('import.encoding.option.invalid', { encoding: name(candidate.encoding) })}
            </option>
          ))}
        </select>
      </label>
      <p id="import-encoding-hint" className="muted small">
        {t('import.encoding.hint')}
      </p>
      {/* Every candidate side by side: short GBK text can be valid UTF-8 and only reading it tells which is right. */}
      <ul className="import-encoding-previews" aria-label={t('import.encoding.previews')}>
        {candidates
          .filter((candidate) => candidate.preview !== '')
          .map((candidate) => (
            <li key={candidate.encoding} data-testid={`encoding-preview-${candidate.encoding}`} className={candidate.encoding === encoding ? 'chosen' : candidate.valid ? '' : 'invalid'}>
              <span className="import-encoding-name">
                {name(candidate.encoding)}
                {candidate.encoding === encoding && <span className="import-chip chosen">{t('import.encoding.inUse')}</span>}
                {!candidate.valid && <span className="import-chip invalid">{t('import.encoding.invalid')}</span>}
              </span>
              <pre>{candidate.preview}</pre>
            </li>
          ))}
      </ul>
    </div>
  );
}
