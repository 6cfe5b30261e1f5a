import type { Settings } from '../../../shared/domain/settings.ts';
import { providerChoices } from '../../../shared/providers/choices.ts';
import { useT } from '../../i18n/useT.ts';
import { TextSetting } from './TextSetting.tsx';
import { parseBudget } from './validators.ts';

/**
 * Spending caps. They are plain numbers in the unit of the provider a batch runs on (KIE bills in
 * credits, fal and OpenAI in dollars), so the screen names the default provider's unit.
 */
export function BudgetsSection(props: { settings: Settings }) {
  const t = useT();
  const { budgets, defaultProvider } = props.settings;
  const catalog = providerChoices.find((choice) => choice.id === defaultProvider)?.catalogProvider;
  const unit = catalog === 'kie' ? t('settingsScreen.budgets.unit.credits') : t('settingsScreen.budgets.unit.usd');
  const hint = t('settingsScreen.budgets.hint', { provider: t(`provider.${defaultProvider}`), unit });

  return (
    <section className="settings-section" aria-labelledby="settings-budgets">
      <h2 id="settings-budgets">{t('settingsScreen.budgets.title')}</h2>
      <p className="settings-hint">{hint}</p>
      <TextSetting
        label={t('settingsScreen.budgets.perBatch')}
        value={budgets.perBatch === null ? '' : String(budgets.perBatch)}
        placeholder={t('settingsScreen.budgets.noCap')}
        numeric
        suffix={unit}
        testId="budget-per-batch"
        parse={parseBudget}
        toPatch={(perBatch) => ({ budgets: { ...budgets, perBatch } })}
      />
      <TextSetting
        label={t('settingsScreen.budgets.perDay')}
        value={budgets.perDay === null ? '' : String(budgets.perDay)}
        placeholder={t('settingsScreen.budgets.noCap')}
        numeric
        suffix={unit}
        testId="budget-per-day"
        parse={parseBudget}
        toPatch={(perDay) => ({ budgets: { ...budgets, perDay } })}
      />
    </section>
  );
}
