import { useLocale, useT } from '../../i18n/useT.ts';
import { statusFilterOptions, type GridFilter, type PickFilter, type StatusFilter } from './gridFilter.ts';
import { numberFormat } from '../../i18n/formats.ts';

const pickOptions: readonly PickFilter[] = ['all', 'picked', 'rejected'];

/** Status and pick filters, the search box and the count of matching rows, above the grid. */
export function GridToolbar(props: { filter: GridFilter; onChange: (filter: GridFilter) => void; total: number | null; selected: number }) {
  const { filter, onChange, total, selected } = props;
  const t = useT();
  const locale = useLocale();
  const number = numberFormat(locale);

  return (
    <div className="grid-toolbar" role="toolbar" aria-label={t('grid.toolbar')}>
      <label className="grid-toolbar-field">
        <span>{t('grid.filter.status')}</span>
        <select data-testid="grid-status-filter" value={filter.status} onChange={(event) => onChange({ ...filter, status: event.target.value as StatusFilter })}>
          {statusFilterOptions.map((option) => (
            <option key={option} value={option}>
              {option === 'all' ? t('grid.filter.allStatuses') : option === 'problems' ? t('grid.filter.problems') : t(`grid.status.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="grid-toolbar-field">
        <span>{t('grid.filter.pick')}</span>
        <select data-testid="grid-pick-filter" value={filter.pick} onChange={(event) => onChange({ ...filter, pick: event.target.value as PickFilter })}>
          {pickOptions.map((option) => (
            <option key={option} value={option}>
              {t(`grid.pick.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <input
        type="search"
        className="grid-search"
        data-testid="grid-search"
        value={filter.search}
        maxLength={200}
        placeholder={t('grid.search.placeholder')}
        aria-label={t('grid.search.label')}
        onChange={(event) => onChange({ ...filter, search: event.target.value })}
      />
      <span className="grid-count" data-testid="grid-count" aria-live="polite">
        {total === null ? t('grid.counting') : total === 1 ? t('grid.countOne') : t('grid.count', { count: number.format(total) })}
        {selected > 0 && <> · {t('grid.selectedCount', { count: number.format(selected) })}</>}
      </span>
    </div>
  );
}
