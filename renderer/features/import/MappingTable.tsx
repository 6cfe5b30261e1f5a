import { useId } from 'react';
import { sheetFieldNames, type ImportPreview, type SheetFieldName } from '../../../shared/contract/importSchemas.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import { useT } from '../../i18n/useT.ts';
import { useImportStore, type AutoMapping } from './importStore.ts';
import { headerByField } from './mapping.ts';

type Column = ImportPreview['columns'][number];
type Origin = 'you' | 'template' | 'guess' | 'auto';

const originKey: Record<Origin, MessageKey> = {
  you: 'import.mapping.you',
  template: 'import.mapping.template',
  guess: 'import.mapping.guess',
  auto: 'import.mapping.auto',
};

/** One line per column of the sheet: what it is used as, who chose that, and its first value. */
export function MappingTable({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const id = useId();
  const chosenByYou = useImportStore((state) => state.chosenByYou);
  const auto = useImportStore((state) => state.auto);
  const setField = useImportStore((state) => state.setField);
  const taken = headerByField(preview.columns);
  const first = preview.rows[0]?.cells ?? [];

  return (
    <section className="import-mapping" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('import.mapping.title')}</h3>
      {preview.templateUsed && <p className="muted small">{t('import.mapping.templateUsed')}</p>}
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">{t('import.mapping.column')}</th>
            <th scope="col" id={`${id}-field`}>
              {t('import.mapping.field')}
            </th>
            <th scope="col">{t('import.mapping.source')}</th>
            <th scope="col">{t('import.mapping.sample')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((column, index) => {
            const origin = originOf(column, chosenByYou, auto);
            return (
              <tr key={`${index}:${column.header}`} className={column.field ? 'mapped' : 'unmapped'}>
                <th scope="row" id={`${id}-h${index}`} className="import-header-name">
                  {column.header}
                </th>
                <td>
                  <select
                    data-testid={`mapping-${column.header}`}
                    aria-labelledby={`${id}-h${index} ${id}-field`}
                    value={column.field ?? ''}
                    onChange={(event) => void setField(column.header, (event.target.value || null) as SheetFieldName | null)}
                  >
                    <option value="">{t('import.mapping.notUsed')}</option>
                    {sheetFieldNames.map((field) => {
                      const label = t(`import.field.${field}`);
                      const owner = taken[field];
                      return (
                        <option key={field} value={field}>
                          {owner !== undefined && owner !== column.header ? t('import.mapping.optionTaken', { field: label, header: owner }) : label}
                        </option>
                      );
                    })}
                  </select>
                </td>
                <td>{origin && <span className={`import-chip origin-${origin}`} data-testid={`mapping-origin-${column.header}`}>{t(originKey[origin])}</span>}</td>
                <td className="import-sample" title={first[index] ?? ''}>
                  {first[index] ?? ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {chosenByYou.length > 0 && <p className="muted small">{t('import.mapping.remembered')}</p>}
    </section>
  );
}

function originOf(column: Column, chosenByYou: readonly string[], auto: AutoMapping): Origin | null {
  if (chosenByYou.includes(column.header)) return 'you';
  if (!column.field) return null;
  if (auto.templateUsed) return 'template';
  return (auto.confidence[column.header] ?? column.confidence) < 1 ? 'guess' : 'auto';
}
