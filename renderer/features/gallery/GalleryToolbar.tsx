import { useT } from '../../i18n/useT.ts';
import { useAppStore } from '../../store/appStore.ts';
import type { PickFilter } from './useGallery.ts';

const filters: readonly PickFilter[] = ['all', 'picked', 'rejected', 'unpicked'];

/** The gallery's title and its filters: which batch, which picks. */
export function GalleryToolbar(props: {
  batchId: number | undefined;
  onBatch: (batchId: number | undefined) => void;
  filter: PickFilter;
  onFilter: (filter: PickFilter) => void;
  shown: number;
  total: number;
  onRefresh: () => void;
}) {
  const t = useT();
  const batches = useAppStore((state) => state.batches);
  return (
    <header className="gallery-toolbar">
      <h1 id="gallery-title">{t('review.gallery.title')}</h1>
      <label className="gallery-batch">
        <span>{t('review.gallery.batch')}</span>
        <select
          data-testid="gallery-batch"
          value={props.batchId ?? ''}
          onChange={(event) => props.onBatch(event.target.value === '' ? undefined : Number(event.target.value))}
        >
          <option value="">{t('review.gallery.allBatches')}</option>
          {batches.map((batch) => (
            <option key={batch.id} value={batch.id}>
              {batch.name}
            </option>
          ))}
        </select>
      </label>
      <div className="gallery-filters" role="group" aria-label={t('review.gallery.filter')}>
        {filters.map((filter) => (
          <button
            key={filter}
            type="button"
            aria-pressed={props.filter === filter}
            data-testid={`gallery-filter-${filter}`}
            onClick={() => props.onFilter(filter)}
          >
            {t(`review.gallery.filter.${filter}`)}
          </button>
        ))}
      </div>
      <span className="muted small" data-testid="gallery-count">
        {t('review.gallery.count', { shown: props.shown, total: props.total })}
      </span>
      <button type="button" data-testid="gallery-refresh" onClick={props.onRefresh}>
        {t('review.gallery.refresh')}
      </button>
    </header>
  );
}
