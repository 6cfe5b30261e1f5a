import type { AttemptView, Pick } from '../../../shared/contract/reviewSchemas.ts';
import { usePlatform } from '../../api/platform.ts';
import { useT } from '../../i18n/useT.ts';
import { PickButtons } from './PickButtons.tsx';
import { useOpenFile } from './useOpenFile.ts';

/** One finished take: its video (streamed from the output folder), pick/reject, open and reveal. */
export function TakeCard(props: { attempt: AttemptView; showRun: boolean; busy: boolean; onPick: (pick: Pick | null) => void }) {
  const t = useT();
  const platform = usePlatform();
  const openFile = useOpenFile();
  const { attempt, showRun } = props;
  const exists = attempt.file?.exists ?? false;
  const label = showRun ? t('review.take.labelRun', { take: attempt.take, run: attempt.run }) : t('review.take.label', { take: attempt.take });

  return (
    <figure className={`take-card pick-state-${attempt.pick ?? 'none'}`} data-testid="take-card" data-attempt-id={attempt.attemptId}>
      {exists ? (
        <video className="take-video" controls preload="metadata" src={platform.mediaUrl(attempt.attemptId)} aria-label={label} data-testid={`take-video-${attempt.attemptId}`} />
      ) : (
        <div className="take-missing" role="note" data-testid={`take-missing-${attempt.attemptId}`}>
          <p>{t('review.take.missing')}</p>
          {attempt.file && <p className="muted small take-path">{attempt.file.path}</p>}
        </div>
      )}
      <figcaption className="take-caption">
        <span className="take-label">{label}</span>
        <PickButtons attemptId={attempt.attemptId} pick={attempt.pick} busy={props.busy} onChange={props.onPick} />
        {exists && (
          <span className="take-actions">
            <button type="button" data-testid={`open-video-${attempt.attemptId}`} onClick={() => openFile(attempt.attemptId, 'open')}>
              {t('review.openVideo')}
            </button>
            <button type="button" data-testid={`reveal-video-${attempt.attemptId}`} onClick={() => openFile(attempt.attemptId, 'reveal')}>
              {t('review.revealVideo')}
            </button>
          </span>
        )}
      </figcaption>
    </figure>
  );
}
