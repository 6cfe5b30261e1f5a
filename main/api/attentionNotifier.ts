import { attentionText } from '../../shared/i18n/attentionText.ts';
import type { GenvidCore } from '../core.ts';
import type { DesktopActions } from '../media/desktopActions.ts';

/** Shows an OS notification for each attention event, when the creator has them switched on. */
export function notifyAttention(core: Pick<GenvidCore, 'events' | 'settings'>, desktop: DesktopActions): () => void {
  return core.events.subscribe((message) => {
    if (message.name !== 'attention' || !desktop.notify) return;
    const settings = core.settings();
    if (!settings.notifications) return;
    const { title, body } = attentionText(settings.language, message.payload);
    desktop.notify(title, body);
  });
}
