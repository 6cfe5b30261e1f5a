import { useState, type ReactNode } from 'react';
import type { SettingsPatch } from '../../../shared/domain/settings.ts';
import { useT } from '../../i18n/useT.ts';
import { Field } from './Field.tsx';
import { useFieldSave } from './useFieldSave.ts';
import type { Parsed } from './validators.ts';

/**
 * A typed-in setting saved with its own Save button (or Enter): a half-typed folder or number is
 * never saved on the way.
 */
export function TextSetting<T>(props: {
  label: string;
  hint?: ReactNode;
  /** The saved value as text. */
  value: string;
  placeholder?: string;
  numeric?: boolean;
  /** Shown after the input, e.g. the unit. */
  suffix?: string;
  testId: string;
  parse: (text: string) => Parsed<T>;
  toPatch: (value: T) => SettingsPatch;
}) {
  const t = useT();
  const field = useFieldSave();
  const [draft, setDraft] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  // When the saved value changes (saved here, or normalised by main), the input follows it.
  if (props.value !== shown) {
    setShown(props.value);
    setDraft(props.value);
  }

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void field.submit(props.parse(draft), props.toPatch);
      }}
    >
      <Field label={props.label} hint={props.hint} error={field.error} saved={field.saved} testId={props.testId}>
        {({ inputId, describedBy, invalid }) => (
          <>
            <input
              id={inputId}
              type="text"
              inputMode={props.numeric ? 'decimal' : undefined}
              className={props.numeric ? 'settings-input numeric' : 'settings-input'}
              value={draft}
              placeholder={props.placeholder}
              spellCheck={false}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              data-testid={props.testId}
              onChange={(event) => {
                setDraft(event.target.value);
                field.reset();
              }}
            />
            {props.suffix && <span className="settings-suffix">{props.suffix}</span>}
            <button type="submit" disabled={draft === props.value && field.error === null} data-testid={`${props.testId}-save`}>
              {t('settingsScreen.save')}
            </button>
          </>
        )}
      </Field>
    </form>
  );
}
