import { useT } from '../i18n/useT.ts';

/** Something could not be loaded: why, in the creator's words, and a button to try again. */
export function RetryBanner(props: { message: string; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="error-banner" role="alert">
      <p>{props.message}</p>
      <button type="button" onClick={props.onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
