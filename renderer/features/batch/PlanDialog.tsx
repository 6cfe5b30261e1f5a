import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { BatchPlanSchema } from '../../../shared/contract/calls.ts';
import type { ProviderStatus } from '../../../shared/contract/providerSchemas.ts';
import { ApiCallError } from '../../../shared/contract/errors.ts';
import type { ProviderChoiceId } from '../../../shared/providers/choices.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import { useApi } from '../../api/apiContext.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { useAppStore } from '../../store/appStore.ts';
import { formatMicros } from '../detail/money.ts';
import { formatDuration } from './eta.ts';

type Plan = z.infer<typeof BatchPlanSchema>;

/**
 * The plan before Start (product §2.2): rows by model and settings, the estimated cost against the
 * balance and the budget caps, duplicates, rows that cannot run, and about how long it will take.
 */
export function PlanDialog(props: { batchId: number; onClose: () => void; onStarted: (etaS: number) => void }) {
  const api = useApi();
  const t = useT();
  const locale = useLocale();
  const settings = useAppStore((state) => state.settings)!;
  const [providers, setProviders] = useState<ProviderStatus[]>([]);
  const [provider, setProvider] = useState<ProviderChoiceId>(settings.defaultProvider);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);

  const caps = () => ({
    ...(settings.budgets.perBatch !== null ? { batchMicros: Math.round(settings.budgets.perBatch * 1_000_000) } : {}),
    ...(settings.budgets.perDay !== null ? { dayMicros: Math.round(settings.budgets.perDay * 1_000_000) } : {}),
  });
  useEffect(() => {
    void api.listProviders().then((list) => setProviders(list.providers));
  }, [api]);
  useEffect(() => {
    setPlan(null);
    setError(null);
    api.planBatch({ batchId: props.batchId, provider, concurrency: settings.concurrency, caps: caps() }).then(setPlan, (failure: unknown) => setError(failure instanceof ApiCallError ? failure.message : String(failure)));
    // Settings do not change while the dialog is open.
  }, [api, props.batchId, provider]);
  useEffect(() => dialog.current?.querySelector<HTMLElement>('select, button')?.focus(), []);

  const start = async () => {
    setStarting(true);
    try {
      await api.startBatch({ batchId: props.batchId, provider, concurrency: settings.concurrency, caps: caps() });
      props.onStarted(plan?.etaS ?? 0);
    } catch (failure) {
      setError(failure instanceof ApiCallError ? failure.message : String(failure));
      setStarting(false);
    }
  };
  const money = (list: Plan['estimate']) => (list.length === 0 ? '—' : list.map((m) => formatMicros(locale, t, m.micros, m.unit)).join(' + '));
  const caps_ = plan?.caps;

  return (
    <div className="modal-backdrop">
      <div ref={dialog} className="modal plan-dialog" role="dialog" aria-modal="true" aria-labelledby="plan-title" data-testid="plan-dialog" onKeyDown={(event) => event.key === 'Escape' && props.onClose()}>
        <h2 id="plan-title">{t('plan.title')}</h2>
        <label className="field">
          <span>{t('plan.provider')}</span>
          <select data-testid="plan-provider" value={provider} onChange={(event) => setProvider(event.target.value as ProviderChoiceId)}>
            {providers.map((choice) => (
              <option key={choice.id} value={choice.id} disabled={choice.needsKey && !choice.key.present}>
                {t(`provider.${choice.id}` as MessageKey)}
                {choice.needsKey && !choice.key.present ? ` — ${t('plan.noKey')}` : ''}
              </option>
            ))}
          </select>
        </label>
        {error && <p className="error-text" role="alert">{error}</p>}
        {!plan && !error && <p className="muted">{t('app.loading')}</p>}
        {plan && (
          <div className="plan-body" data-testid="plan-body">
            <p>
              <strong>{t('plan.rows', { rows: plan.rows, videos: plan.videos })}</strong>
            </p>
            <table className="plan-classes">
              <tbody>
                {plan.byClass.map((c) => (
                  <tr key={`${c.model}|${c.resolution}|${c.durationS}`}>
                    <td>{c.model}</td>
                    <td>{[c.resolution, c.durationS !== null ? `${c.durationS}s` : null].filter(Boolean).join(' · ')}</td>
                    <td className="numeric">{t('plan.videos', { count: c.videos })}</td>
                    <td className="numeric">{formatMicros(locale, t, c.micros, c.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <dl className="plan-facts">
              <dt>{t('plan.cost')}</dt>
              <dd data-testid="plan-cost">{money(plan.estimate)}</dd>
              <dt>{t('plan.balance')}</dt>
              <dd>{plan.balance ? formatMicros(locale, t, Math.round(plan.balance.amount * 1_000_000), plan.balance.unit) : t('plan.noBalance')}</dd>
              <dt>{t('plan.caps')}</dt>
              <dd>
                {caps_?.batchMicros === null && caps_?.dayMicros === null
                  ? t('plan.noCaps')
                  : [
                      caps_?.batchMicros !== null && caps_?.batchMicros !== undefined ? t('plan.capBatch', { amount: money([{ micros: caps_.batchMicros, unit: plan.estimate[0]?.unit ?? 'credits' }]) }) : null,
                      caps_?.dayMicros !== null && caps_?.dayMicros !== undefined ? t('plan.capDay', { amount: money([{ micros: caps_.dayMicros, unit: plan.estimate[0]?.unit ?? 'credits' }]) }) : null,
                    ].filter(Boolean).join(' · ')}
              </dd>
              <dt>{t('plan.eta')}</dt>
              <dd>{formatDuration(plan.etaS, locale)}</dd>
            </dl>
            {!plan.affordable && <p className="warning-text" role="alert">{t('plan.overBudget')}</p>}
            {plan.duplicates.length > 0 && (
              <p className="warning-text" data-testid="plan-duplicates">
                {t('plan.duplicates', { list: plan.duplicates.map((d) => t('plan.duplicate', { row: d.rowNumber, same: d.sameAsRow })).join(', ') })}
              </p>
            )}
            {plan.invalid.length > 0 && (
              <details className="plan-invalid" data-testid="plan-invalid">
                <summary>{t('plan.invalid', { count: plan.invalid.length })}</summary>
                <ul>
                  {plan.invalid.slice(0, 50).map((row) => (
                    <li key={row.rowNumber}>{t('plan.invalidRow', { row: row.rowNumber, message: row.message })}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" onClick={props.onClose}>
            {t('plan.back')}
          </button>
          <button type="button" className="primary" data-testid="plan-start" disabled={!plan || starting} onClick={() => void start()}>
            {t('plan.start', { videos: plan?.videos ?? 0 })}
          </button>
        </div>
      </div>
    </div>
  );
}
