import { useState } from 'react';
import { ApiCallError } from '../../../shared/contract/errors.ts';
import { SettingsPatchSchema, type SettingsPatch } from '../../../shared/domain/settings.ts';
import { useApi } from '../../api/apiContext.ts';
import { useT } from '../../i18n/useT.ts';
import { useAppStore } from '../../store/appStore.ts';
import type { Parsed } from './validators.ts';

/**
 * Saves one field's change to settings and keeps the message shown beside that field: the
 * validator's when the input is wrong (nothing is sent then), main's when it refuses the change.
 */
export function useFieldSave() {
  const api = useApi();
  const t = useT();
  const update = useAppStore((state) => state.updateSettings);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit<T>(parsed: Parsed<T>, toPatch: (value: T) => SettingsPatch): Promise<boolean> {
    setSaved(false);
    if (!parsed.ok) {
      setError(t(parsed.message, parsed.params));
      return false;
    }
    const patch = toPatch(parsed.value);
    // The schema main applies, checked here too, so an invalid patch never reaches the store.
    if (!SettingsPatchSchema.safeParse(patch).success) {
      setError(t('settingsScreen.error.invalid'));
      return false;
    }
    try {
      await update(api, patch);
    } catch (failure) {
      const detail = failure instanceof ApiCallError ? (failure.issues?.map((issue) => issue.message).join('; ') ?? failure.message) : String(failure);
      setError(t('settingsScreen.error.refused', { detail }));
      return false;
    }
    setError(null);
    setSaved(true);
    return true;
  }

  return {
    error,
    saved,
    submit,
    reset() {
      setError(null);
      setSaved(false);
    },
  };
}
