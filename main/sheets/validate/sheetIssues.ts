import type { MessageKey } from '../../../shared/i18n/en.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { translate, type MessageParams } from '../../../shared/i18n/translate.ts';
import type { SheetField } from '../map/sheetFields.ts';

/** A problem with one cell (or, for a missing column, the field), in words for any language. */
export interface CellIssue {
  field: SheetField;
  code: string;
  messageKey: MessageKey;
  params: MessageParams;
}

export function cellIssueText(issue: Pick<CellIssue, 'messageKey' | 'params'>, locale: Locale): string {
  return translate(locale, issue.messageKey, issue.params);
}
