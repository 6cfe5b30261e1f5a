import type { RowStatus } from '../../../shared/domain/status.ts';

/** A row's status as a coloured chip; a generating row also shows how far along it is. */
export function StatusChip(props: { status: RowStatus; label: string; progress: number | null }) {
  const { status, label, progress } = props;
  const percent = status === 'generating' && progress !== null ? Math.round(progress) : null;
  return (
    <span className={`grid-status grid-status-${status}`} data-status={status}>
      <span className="grid-status-label">{label}</span>
      {percent !== null && (
        <span className="grid-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={label}>
          {/* The width is data, so it goes through React's style prop (allowed by the CSP). */}
          <span className="grid-progress-fill" style={{ width: `${percent}%` }} />
          <span className="grid-progress-text">{percent}%</span>
        </span>
      )}
    </span>
  );
}
