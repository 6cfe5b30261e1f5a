import { en, type MessageKey } from '../../../shared/i18n/en.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { translate } from '../../../shared/i18n/translate.ts';
import type { RowView } from '../../../shared/domain/batch.ts';

const isMessageKey = (key: string): key is MessageKey => key in en;

/**
 * What is wrong with a row, in the creator's language: its last error, else the problems found
 * when it was imported or edited (those rows never run until fixed). Null when nothing is wrong.
 */
export function rowProblem(row: Pick<RowView, 'errorMessage' | 'issues'>, locale: Locale): string | null {
  if (row.errorMessage) return row.errorMessage;
  if (row.issues.length === 0) return null;
  return row.issues.map((issue) => (isMessageKey(issue.messageKey) ? translate(locale, issue.messageKey, issue.params) : issue.messageKey)).join(' ');
}
