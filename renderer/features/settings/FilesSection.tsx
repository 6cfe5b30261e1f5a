import type { Settings } from '../../../shared/domain/settings.ts';
import { useT } from '../../i18n/useT.ts';
import { TextSetting } from './TextSetting.tsx';
import { parseFolder, parseWholeNumber } from './validators.ts';

/** Where videos go, and how big a sheet may be before it is refused unread. */
export function FilesSection(props: { settings: Settings }) {
  const t = useT();
  const { outputDir, importLimits } = props.settings;
  return (
    <section className="settings-section" aria-labelledby="settings-files">
      <h2 id="settings-files">{t('settingsScreen.files.title')}</h2>
      <TextSetting
        label={t('settingsScreen.files.outputDir')}
        hint={t('settingsScreen.files.outputDirHint')}
        value={outputDir}
        testId="output-dir"
        parse={parseFolder}
        toPatch={(value) => ({ outputDir: value })}
      />
      <TextSetting
        label={t('settingsScreen.files.maxMegabytes')}
        value={String(importLimits.maxMegabytes)}
        numeric
        suffix="MB"
        testId="import-max-mb"
        parse={(text) => parseWholeNumber(text, 1, 1024)}
        toPatch={(maxMegabytes) => ({ importLimits: { ...importLimits, maxMegabytes } })}
      />
      <TextSetting
        label={t('settingsScreen.files.maxRows')}
        hint={t('settingsScreen.files.limitsHint')}
        value={String(importLimits.maxRows)}
        numeric
        testId="import-max-rows"
        parse={(text) => parseWholeNumber(text, 1, 1_000_000)}
        toPatch={(maxRows) => ({ importLimits: { ...importLimits, maxRows } })}
      />
    </section>
  );
}
