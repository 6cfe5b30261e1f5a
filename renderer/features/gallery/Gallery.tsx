import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { errorText } from '../detail/errorText.ts';
import { usePickSetter } from '../detail/usePickSetter.ts';
import { GalleryCard } from './GalleryCard.tsx';
import { GalleryToolbar } from './GalleryToolbar.tsx';
import { PAGE_SIZE, useGallery, type PickFilter } from './useGallery.ts';
import './gallery.css';
import { RetryBanner } from '../../components/RetryBanner.tsx';

/** Every finished video (of one batch or all), as cards to watch, compare and pick. */
export function Gallery(props: { batchId?: number }) {
  const t = useT();
  const [batchId, setBatchId] = useState<number | undefined>(props.batchId);
  const [givenBatchId, setGivenBatchId] = useState(props.batchId);
  // Opened again for another batch (from the nav bar or a batch screen): follow it.
  if (props.batchId !== givenBatchId) {
    setGivenBatchId(props.batchId);
    setBatchId(props.batchId);
  }
  const [filter, setFilter] = useState<PickFilter>('all');
  const gallery = useGallery(batchId, filter);
  const { busyId, setPick } = usePickSetter(gallery.applyPick);
  const more = gallery.items.length < gallery.total;

  return (
    <section className="gallery" aria-labelledby="gallery-title" data-testid="gallery">
      <GalleryToolbar
        batchId={batchId}
        onBatch={setBatchId}
        filter={filter}
        onFilter={setFilter}
        shown={gallery.items.length}
        total={gallery.total}
        onRefresh={gallery.reload}
      />
      {gallery.error !== null && (
        <RetryBanner message={errorText(t, gallery.error)} onRetry={gallery.reload} />
      )}
      {!gallery.loading && gallery.error === null && gallery.items.length === 0 && (
        <p className="gallery-empty muted" data-testid="gallery-empty">
          {filter === 'all' ? t('review.gallery.empty') : t('review.gallery.emptyFilter')}
        </p>
      )}
      <div className="gallery-grid" data-testid="gallery-grid" aria-busy={gallery.loading}>
        {gallery.items.map((item) => (
          <GalleryCard key={item.attemptId} item={item} busy={busyId === item.attemptId} onPick={(pick) => void setPick(item.attemptId, pick)} />
        ))}
      </div>
      {gallery.loading && <p className="muted">{t('review.gallery.loading')}</p>}
      {more && !gallery.loading && (
        <div className="gallery-more">
          <button type="button" data-testid="gallery-load-more" onClick={gallery.loadMore}>
            {t('review.gallery.loadMore', { count: Math.min(gallery.total - gallery.items.length, PAGE_SIZE) })}
          </button>
        </div>
      )}
    </section>
  );
}
