import { useId, type ReactNode } from 'react';
import { useT } from '../../i18n/useT.ts';

/**
 * A labelled setting with its hint, its error (announced, and tied to the input by
 * aria-describedby) and a short "saved" note. `children` gets the ids the input needs.
 */
export function Field(props: {
  label: string;
  hint?: ReactNode;
  error: string | null;
  saved?: boolean;
  testId?: string;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const t = useT();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="settings-field">
      <label htmlFor={inputId}>{props.label}</label>
      <div className="settings-control">
        {props.children({ inputId, describedBy, invalid: props.error !== null })}
        {props.saved && props.error === null && (
          <span className="settings-saved" role="status" data-testid={props.testId ? `${props.testId}-saved` : undefined}>
            {t('settingsScreen.saved')}
          </span>
        )}
      </div>
      {props.error && (
        <p id={errorId} className="settings-error" role="alert" data-testid={props.testId ? `${props.testId}-error` : undefined}>
          {props.error}
        </p>
      )}
      {props.hint && (
        <p id={hintId} className="settings-hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
