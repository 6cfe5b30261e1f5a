import { useState } from 'react';
import { ProfileSchema, type Profile } from '../../../shared/domain/concurrency.ts';
import type { Settings } from '../../../shared/domain/settings.ts';
import { useT } from '../../i18n/useT.ts';
import { Field } from './Field.tsx';
import { TextSetting } from './TextSetting.tsx';
import { useFieldSave } from './useFieldSave.ts';
import { parseWholeNumber } from './validators.ts';

/** The most videos a custom concurrency may run at once (ConcurrencySettingSchema). */
const MAX_CUSTOM = 2000;
/** What a new custom concurrency starts from: the Pro profile's figure. */
const CUSTOM_START = 3;

/**
 * The concurrency new batches start with: a profile matching the creator's provider plan, or one
 * custom number. Choosing a profile saves at once; choosing Custom waits for the number.
 */
export function ConcurrencySection(props: { settings: Settings }) {
  const t = useT();
  const profileField = useFieldSave();
  const saved = props.settings.concurrency;
  const [choice, setChoice] = useState<Profile>(saved.profile);
  const [shown, setShown] = useState(saved.profile);
  if (saved.profile !== shown) {
    setShown(saved.profile);
    setChoice(saved.profile);
  }

  function choose(profile: Profile) {
    setChoice(profile);
    if (profile !== 'custom') void profileField.submit({ ok: true, value: profile }, (value) => ({ concurrency: { profile: value } }));
    else profileField.reset();
  }

  return (
    <section className="settings-section" aria-labelledby="settings-concurrency">
      <h2 id="settings-concurrency">{t('settingsScreen.concurrency.title')}</h2>
      <Field label={t('settingsScreen.concurrency.profile')} hint={t('settingsScreen.concurrency.hint')} error={profileField.error} saved={profileField.saved} testId="concurrency-profile">
        {({ inputId, describedBy }) => (
          <select id={inputId} aria-describedby={describedBy} data-testid="concurrency-profile" value={choice} onChange={(event) => choose(event.target.value as Profile)}>
            {ProfileSchema.options.map((profile) => (
              <option key={profile} value={profile}>
                {t(`settingsScreen.concurrency.profile.${profile}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {choice === 'custom' && (
        <TextSetting
          label={t('settingsScreen.concurrency.custom')}
          hint={t('settingsScreen.concurrency.customHint', { max: MAX_CUSTOM })}
          value={saved.profile === 'custom' && saved.custom !== undefined ? String(saved.custom) : ''}
          placeholder={String(CUSTOM_START)}
          numeric
          testId="concurrency-custom"
          parse={(text) => parseWholeNumber(text, 1, MAX_CUSTOM)}
          toPatch={(custom) => ({ concurrency: { profile: 'custom', custom } })}
        />
      )}
    </section>
  );
}
