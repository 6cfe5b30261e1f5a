import type { KeyStorage } from '../../../shared/contract/providerSchemas.ts';
import { useT } from '../../i18n/useT.ts';

/** Says plainly where saved keys live: the system keychain in the desktop app, a private file in browser mode. */
export function KeyStorageNote(props: { storage: KeyStorage }) {
  const t = useT();
  const { kind, location } = props.storage;
  return (
    <div className={`key-storage-note key-storage-${kind}`} role="note" data-testid="key-storage-note">
      {kind === 'user-file' ? (
        <>
          <p>{t('settingsScreen.keys.userFile')}</p>
          {location && <code className="key-storage-location">{location}</code>}
          <p className="muted small">{t('settingsScreen.keys.userFileWhy')}</p>
        </>
      ) : (
        <>
          <p>{t('settingsScreen.keys.keychain')}</p>
          {location && <code className="key-storage-location">{location}</code>}
        </>
      )}
      <p className="muted small">{t('settingsScreen.keys.neverShown')}</p>
    </div>
  );
}
