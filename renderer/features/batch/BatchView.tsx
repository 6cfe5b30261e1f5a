import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useAppStore } from '../../store/appStore.ts';
import { RowDetailPane } from '../detail/RowDetailPane.tsx';
import { BatchGrid } from '../grid/BatchGrid.tsx';
import { BatchBar } from './BatchBar.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { PlanDialog } from './PlanDialog.tsx';
import { useBatchDetail } from './useBatchDetail.ts';
import './batch.css';

/** One batch: its bar, its grid and, for the row opened, the detail pane beside it. */
export function BatchView(props: { batchId: number }) {
  const t = useT();
  const summary = useAppStore((state) => state.batches.find((batch) => batch.id === props.batchId));
  const navigate = useAppStore((state) => state.navigate);
  const { detail, refresh } = useBatchDetail(props.batchId);
  const [planning, setPlanning] = useState(false);
  const [planEtaS, setPlanEtaS] = useState<number | null>(null);
  const [openRowId, setOpenRowId] = useState<number | null>(null);
  if (!summary) return <p className="muted">{t('batch.missing')}</p>;

  return (
    <div className="batch-view" data-testid="batch-view">
      <div className="batch-title">
        <button type="button" className="link-button" onClick={() => navigate({ kind: 'batches' })}>
          ← {t('nav.back')}
        </button>
        <h1>{summary.name}</h1>
        <span className={`status-chip status-${summary.status}`} data-testid="batch-status">
          {t(`batchStatus.${summary.status}`)}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => navigate({ kind: 'gallery', batchId: summary.id })}>
          {t('nav.gallery')}
        </button>
        <ExportMenu batchId={summary.id} />
      </div>
      <BatchBar summary={summary} detail={detail} planEtaS={planEtaS} onStart={() => setPlanning(true)} onChanged={refresh} />
      <div className={openRowId === null ? 'batch-body' : 'batch-body with-detail'}>
        <div className="batch-grid-area">
          <BatchGrid batchId={summary.id} onOpenRow={setOpenRowId} />
        </div>
        {openRowId !== null && <RowDetailPane rowId={openRowId} onClose={() => setOpenRowId(null)} />}
      </div>
      {planning && (
        <PlanDialog
          batchId={summary.id}
          onClose={() => setPlanning(false)}
          onStarted={(etaS) => {
            setPlanEtaS(etaS);
            setPlanning(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}
