import { useT } from '../../i18n/useT.ts';
import { OpenSheetButton } from '../import/ImportHost.tsx';

export function EmptyBatches() {
  const t = useT();
  return (
    <section className="empty-state" data-testid="empty-batches" aria-labelledby="empty-title">
      <div className="drop-target">
        <svg className="drop-icon" viewBox="0 0 48 48" aria-hidden="true">
          <path d="M10 6h20l8 8v28H10z" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
          <path d="M30 6v8h8M16 24h16M16 30h16M16 36h10" fill="none" stroke="currentColor" strokeWidth="2.5" />
        </svg>
        <h1 id="empty-title">{t('batches.empty.title')}</h1>
        <p>{t('batches.empty.body')}</p>
        <p className="muted small">{t('batches.empty.formats')}</p>
        <OpenSheetButton />
      </div>
    </section>
  );
}
