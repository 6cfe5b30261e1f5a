import type { EventPayload } from '../contract/events.ts';
import type { MessageKey } from './en.ts';
import type { Locale } from './locale.ts';
import { translate } from './translate.ts';

/** The words for a batch that finished or needs the creator: the OS notification's and the toast's. */
export function attentionText(locale: Locale, event: EventPayload<'attention'>): { title: string; body: string } {
  const params = { name: event.batchName };
  if (event.what === 'finished') return { title: translate(locale, 'attention.finished.title'), body: translate(locale, 'attention.finished.body', params) };
  const key: MessageKey = event.reason ? `attention.paused.${event.reason}` : 'attention.paused.user';
  return { title: translate(locale, 'attention.paused.title'), body: translate(locale, key, params) };
}
