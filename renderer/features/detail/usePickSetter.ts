import { useState } from 'react';
import type { Pick } from '../../../shared/contract/reviewSchemas.ts';
import { useApi } from '../../api/apiContext.ts';
import { showToast } from '../../components/toastStore.ts';
import { useT } from '../../i18n/useT.ts';
import { errorText } from './errorText.ts';

/** Sends a pick to main and reports the confirmed value; one attempt at a time is busy. */
export function usePickSetter(onConfirmed: (attemptId: number, pick: Pick | null) => void) {
  const api = useApi();
  const t = useT();
  const [busyId, setBusyId] = useState<number | null>(null);
  async function setPick(attemptId: number, pick: Pick | null) {
    setBusyId(attemptId);
    try {
      const confirmed = await api.setTakePick({ attemptId, pick });
      onConfirmed(confirmed.attemptId, confirmed.pick);
    } catch (error) {
      showToast({ kind: 'error', message: errorText(t, error) });
    } finally {
      setBusyId(null);
    }
  }
  return { busyId, setPick };
}
