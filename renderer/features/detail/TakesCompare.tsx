import type { AttemptView, Pick } from '../../../shared/contract/reviewSchemas.ts';
import { useT } from '../../i18n/useT.ts';
import { TakeCard } from './TakeCard.tsx';

/**
 * Every finished take side by side, newest run first, so takes of one prompt can be compared. A
 * re-run keeps earlier runs' videos; they stay here, labelled with their run, until the creator
 * rejects them.
 */
export function TakesCompare(props: { attempts: readonly AttemptView[]; busyId: number | null; onPick: (attemptId: number, pick: Pick | null) => void }) {
  const t = useT();
  const finished = props.attempts
    .filter((attempt) => attempt.status === 'succeeded')
    .sort((a, b) => b.run - a.run || a.take - b.take || b.attemptNumber - a.attemptNumber);
  const runs = new Set(finished.map((attempt) => attempt.run));

  return (
    <section className="detail-section" aria-labelledby="detail-takes">
      <h3 id="detail-takes">{t('review.takes.title', { count: finished.length })}</h3>
      {finished.length === 0 ? (
        <p className="muted">{t('review.takes.none')}</p>
      ) : (
        <div className="takes-grid" data-testid="takes-grid">
          {finished.map((attempt) => (
            <TakeCard
              key={attempt.attemptId}
              attempt={attempt}
              showRun={runs.size > 1}
              busy={props.busyId === attempt.attemptId}
              onPick={(pick) => props.onPick(attempt.attemptId, pick)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
