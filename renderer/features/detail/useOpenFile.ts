import { useApi } from '../../api/apiContext.ts';
import { showToast } from '../../components/toastStore.ts';
import { useT } from '../../i18n/useT.ts';
import { errorText } from './errorText.ts';

/** Opens a video in the system player, or shows it in its folder (main checks it is in the output folder). */
export function useOpenFile(): (attemptId: number, how: 'open' | 'reveal') => void {
  const api = useApi();
  const t = useT();
  return (attemptId, how) => {
    api.openFile({ attemptId, how }).catch((error: unknown) => showToast({ kind: 'error', message: errorText(t, error) }));
  };
}
