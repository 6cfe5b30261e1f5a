import type { Pick } from '../../../shared/contract/reviewSchemas.ts';
import { useT } from '../../i18n/useT.ts';
import './pick.css';

/** Pick / Reject as two toggles: pressing the active one clears the mark. Shared with the gallery. */
export function PickButtons(props: { attemptId: number; pick: Pick | null; busy?: boolean; onChange: (pick: Pick | null) => void }) {
  const t = useT();
  const { attemptId, pick, busy, onChange } = props;
  return (
    <div className="pick-buttons" role="group" aria-label={t('review.pick.group')}>
      <button
        type="button"
        className="pick-button pick-picked"
        aria-pressed={pick === 'picked'}
        disabled={busy}
        data-testid={`pick-${attemptId}`}
        onClick={() => onChange(pick === 'picked' ? null : 'picked')}
      >
        <span aria-hidden="true">✓ </span>
        {pick === 'picked' ? t('review.pick.picked') : t('review.pick.pick')}
      </button>
      <button
        type="button"
        className="pick-button pick-rejected"
        aria-pressed={pick === 'rejected'}
        disabled={busy}
        data-testid={`reject-${attemptId}`}
        onClick={() => onChange(pick === 'rejected' ? null : 'rejected')}
      >
        <span aria-hidden="true">✕ </span>
        {pick === 'rejected' ? t('review.pick.rejected') : t('review.pick.reject')}
      </button>
    </div>
  );
}
