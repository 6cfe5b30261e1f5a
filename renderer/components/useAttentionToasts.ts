import { useEffect } from 'react';
import type { GenvidApi } from '../../shared/contract/api.ts';
import { attentionText } from '../../shared/i18n/attentionText.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { useAppStore } from '../store/appStore.ts';
import { showToast } from './toastStore.ts';

/** A toast when a batch finishes or needs the creator, with a button to open it. */
export function useAttentionToasts(api: GenvidApi): void {
  useEffect(
    () =>
      api.onAttention((event) => {
        const { settings, navigate } = useAppStore.getState();
        const locale = settings?.language ?? 'en';
        showToast({
          kind: event.what === 'finished' ? 'success' : 'warning',
          message: attentionText(locale, event).body,
          action: { label: translate(locale, 'attention.open'), run: () => navigate({ kind: 'batch', batchId: event.batchId }) },
        });
      }),
    [api],
  );
}
