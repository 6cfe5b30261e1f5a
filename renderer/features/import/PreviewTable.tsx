import { useId } from 'react';
import type { ImportPreview, PreviewRow } from '../../../shared/contract/importSchemas.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * The rows main returned (the first ones, then the first with problems), each problem shown on the
 * cell it is about with its message written out, so nothing depends on hovering.
 */
export function PreviewTable({ preview, updating }: { preview: ImportPreview; updating: boolean }) {
  const t = useT();
  const id = useId();
  const columnOf = (field: string) => preview.columns.findIndex((column) => column.field === field);

  return (
    <section className="import-preview" aria-labelledby={`${id}-title`} aria-busy={updating}>
      <h3 id={`${id}-title`}>{t('import.preview.title')}</h3>
      <p className="muted small">
        {preview.rows.length < preview.rowCount ? t('import.preview.shown', { shown: preview.rows.length, total: preview.rowCount }) : t('import.preview.all', { total: preview.rowCount })}
      </p>
      {/* Focusable so a keyboard can scroll a wide sheet sideways. */}
      <div className="import-preview-scroll" role="region" tabIndex={0} aria-label={t('import.preview.label')}>
        <table className={`import-table import-rows${updating ? ' updating' : ''}`} data-testid="import-preview-table">
          <thead>
            <tr>
              <th scope="col">{t('import.preview.row')}</th>
              {preview.headers.map((header, index) => (
                <th scope="col" key={`${index}:${header}`}>
                  {header}
                  {preview.columns[index]?.field && <span className="import-field-tag">{t(`import.field.${preview.columns[index].field}`)}</span>}
                </th>
              ))}
              <th scope="col">{t('import.preview.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <PreviewLine key={row.row} row={row} width={preview.headers.length} columnOf={columnOf} promptColumn={columnOf('prompt')} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PreviewLine({ row, width, columnOf, promptColumn }: { row: PreviewRow; width: number; columnOf(field: string): number; promptColumn: number }) {
  const t = useT();
  const byColumn = new Map<number, string[]>();
  const elsewhere: string[] = [];
  for (const issue of row.issues) {
    const index = columnOf(issue.field);
    // A problem with a field no column feeds (no model anywhere) goes in the notes.
    if (index < 0) elsewhere.push(`${t(`import.field.${issue.field}`)}: ${issue.message}`);
    else byColumn.set(index, [...(byColumn.get(index) ?? []), issue.message]);
  }
  const cells = Array.from({ length: width }, (_, index) => row.cells[index] ?? '');

  return (
    <tr className={row.issues.length > 0 ? 'has-issues' : row.sameAsRow !== null ? 'duplicate' : ''} data-testid={`preview-row-${row.row}`}>
      <th scope="row" className="numeric">
        {row.row}
      </th>
      {cells.map((cell, index) => {
        const messages = byColumn.get(index);
        const kind = index === promptColumn ? 'prompt' : '';
        return messages ? (
          <td key={index} className={`issue ${kind}`} title={messages.join('\n')} data-testid={`preview-cell-${row.row}-${index}`}>
            <span className="import-cell-value">{cell}</span>
            <ul className="import-cell-issues">
              {messages.map((message, at) => (
                <li key={at}>{message}</li>
              ))}
            </ul>
          </td>
        ) : (
          <td key={index} className={kind} data-testid={`preview-cell-${row.row}-${index}`}>
            <span className="import-cell-value">{cell}</span>
          </td>
        );
      })}
      <td className="import-notes">
        {row.sameAsRow !== null && <span className="import-chip duplicate">{t('import.preview.sameAs', { row: row.sameAsRow })}</span>}
        {elsewhere.length > 0 && (
          <ul className="import-cell-issues">
            {elsewhere.map((message, at) => (
              <li key={at}>{message}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
