import { useState } from 'react';
import { useApi } from '../../api/apiContext.ts';
import { showToast } from '../../components/toastStore.ts';
import { useT } from '../../i18n/useT.ts';

type Choice = { format: 'csv' | 'csv-gbk' | 'xlsx'; failedOnly: boolean; label: 'export.xlsx' | 'export.csv' | 'export.csvGbk' | 'export.failed' };
const choices: Choice[] = [
  { format: 'xlsx', failedOnly: false, label: 'export.xlsx' },
  { format: 'csv', failedOnly: false, label: 'export.csv' },
  { format: 'csv-gbk', failedOnly: false, label: 'export.csvGbk' },
  { format: 'xlsx', failedOnly: true, label: 'export.failed' },
];

/** Writes the results (or the failed rows as a correction sheet) beside the videos and says where. */
export function ExportMenu(props: { batchId: number }) {
  const api = useApi();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = async (index: number) => {
    const choice = choices[index]!;
    setBusy(true);
    try {
      const result = await api.exportBatch({ batchId: props.batchId, format: choice.format, failedOnly: choice.failedOnly });
      showToast({ kind: 'success', message: t('export.done', { rows: result.rows, path: result.path }) });
    } catch (error) {
      showToast({ kind: 'error', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="export-menu">
      <span className="visually-hidden">{t('export.label')}</span>
      <select
        data-testid="export-select"
        value=""
        disabled={busy}
        onChange={(event) => {
          if (event.target.value !== '') void run(Number(event.target.value));
        }}
      >
        <option value="">{t('export.label')}</option>
        {choices.map((choice, index) => (
          <option key={choice.label} value={index}>
            {t(choice.label)}
          </option>
        ))}
      </select>
    </label>
  );
}
