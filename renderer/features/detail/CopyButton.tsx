import { showToast } from '../../components/toastStore.ts';
import { useT } from '../../i18n/useT.ts';

/** Copies a provider task id, so the creator can look the job up in the provider's own log. */
/** `label` says what is copied (the button itself just says Copy). */
export function CopyButton(props: { text: string; label: string; testId?: string }) {
  const t = useT();
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      showToast({ kind: 'success', message: t('review.copied', { text: props.text }) });
    } catch {
      showToast({ kind: 'error', message: t('review.copyFailed') });
    }
  }
  return (
    <button type="button" className="copy-button" title={props.label} data-testid={props.testId} onClick={() => void copy()}>
      {t('review.copy')}
    </button>
  );
}
