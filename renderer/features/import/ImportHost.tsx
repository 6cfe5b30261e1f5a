import { useEffect } from 'react';
import { useApi } from '../../api/apiContext.ts';
import { usePlatform } from '../../api/platform.ts';
import { DropOverlay } from './DropOverlay.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { useImportStore } from './importStore.ts';
import { useWindowFileDrag } from './useWindowFileDrag.ts';
import './import.css';

export { OpenSheetButton } from './OpenSheetButton.tsx';

/** Mounted once at the app root: the window-wide drop target, the File menu's sheets, and the import dialog. */
export function ImportHost() {
  const api = useApi();
  const platform = usePlatform();
  const phase = useImportStore((state) => state.phase.kind);
  const [dragging, setDragging] = useWindowFileDrag();

  useEffect(() => useImportStore.getState().bind(api, platform), [api, platform]);
  // The desktop app's File menu chose a sheet: main already has its path.
  useEffect(() => api.onOpenSheet(({ path }) => void useImportStore.getState().openSource({ kind: 'path', path }, path.split(/[\\/]/).at(-1) ?? path)), [api]);

  return (
    <>
      {phase !== 'closed' && <ImportDialog />}
      {dragging && <DropOverlay onLeave={() => setDragging(false)} onDropFile={(file) => void useImportStore.getState().openFile(file)} />}
    </>
  );
}
