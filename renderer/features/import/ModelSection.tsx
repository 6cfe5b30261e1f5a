import type { ImportPreview } from '../../../shared/contract/importSchemas.ts';
import { useT } from '../../i18n/useT.ts';
import { useAppStore } from '../../store/appStore.ts';
import { useImportStore } from './importStore.ts';
import { useCatalogModels, useProviderChoices } from './useCatalogChoices.ts';

/** Which provider's catalog the rows are checked against, and the model for rows that name none. */
export function ModelSection({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const choices = useProviderChoices();
  const defaultChoice = useAppStore((state) => state.settings?.defaultProvider) ?? null;
  const models = useCatalogModels(preview.provider);
  const picked = useImportStore((state) => state.providerChoice) ?? defaultChoice;
  const setProvider = useImportStore((state) => state.setProvider);
  const setDefaultModel = useImportStore((state) => state.setDefaultModel);
  // Sandbox and KIE share KIE's catalog: show the one picked (or the default provider), else the first that fits.
  const choice = choices.find((candidate) => candidate.id === picked && candidate.catalogProvider === preview.provider) ?? choices.find((candidate) => candidate.catalogProvider === preview.provider);
  const offered = models.filter((model) => model.status.state === 'active' || model.id === preview.defaultModel);

  return (
    <section className="import-models">
      {choices.length > 0 && (
        <label className="import-field">
          <span>{t('import.provider')}</span>
          <select
            data-testid="import-provider-select"
            value={choice?.id ?? ''}
            onChange={(event) => {
              const next = choices.find((candidate) => candidate.id === event.target.value);
              if (next) void setProvider(next);
            }}
          >
            {choices.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {t(`provider.${candidate.id}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="import-field">
        <span>{t('import.defaultModel')}</span>
        <select data-testid="import-default-model-select" value={preview.defaultModel ?? ''} onChange={(event) => void setDefaultModel(event.target.value || null)}>
          <option value="">{t('import.defaultModel.none')}</option>
          {offered.map((model) => (
            <option key={model.id} value={model.id}>
              {model.status.state === 'retired' ? t('import.defaultModel.retired', { model: model.displayName }) : model.displayName}
            </option>
          ))}
          {preview.defaultModel !== null && !offered.some((model) => model.id === preview.defaultModel) && <option value={preview.defaultModel}>{preview.defaultModel}</option>}
        </select>
      </label>
    </section>
  );
}
