import { useCallback, useState, type ReactNode } from 'react';
import { ApiCallError } from '../../../shared/contract/errors.ts';
import type { RowView } from '../../../shared/domain/batch.ts';
import { useApi } from '../../api/apiContext.ts';
import { showToast } from '../../components/toastStore.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { useRowsStore } from '../../store/rowsStore.ts';
import { ContextMenu } from './ContextMenu.tsx';
import { rowProblem } from './rowProblem.ts';
import { isAvailable, menuActions, runAction, type MenuAction, type MenuTarget } from './rowActions.ts';

interface OpenMenu {
  x: number;
  y: number;
  target: MenuTarget;
  /** Where focus goes back when the menu closes: the grid cell it was opened from. */
  returnFocus: Element | null;
}

/**
 * The rows' context menu: which rows it acts on, the menu itself, and running the chosen action
 * with a notice of how it went.
 */
export function useRowMenu(selected: ReadonlySet<number>, select: (ids: ReadonlySet<number>) => void) {
  const api = useApi();
  const t = useT();
  const locale = useLocale();
  const [menu, setMenu] = useState<OpenMenu | null>(null);

  const openMenu = useCallback(
    (row: RowView, x: number, y: number) => {
      let rows: RowView[];
      if (selected.has(row.id)) {
        const { byId } = useRowsStore.getState();
        rows = [...selected].flatMap((id) => byId[id] ?? []).sort((a, b) => a.rowNumber - b.rowNumber);
      } else {
        // Right-clicking outside the selection selects that row, as file managers do.
        rows = [row];
        select(new Set([row.id]));
      }
      setMenu({ x, y, target: { primary: row, rows }, returnFocus: document.activeElement });
    },
    [selected, select],
  );

  const closeMenu = useCallback(() => {
    const focus = menu?.returnFocus;
    setMenu(null);
    if (focus instanceof HTMLElement && focus.isConnected) focus.focus();
  }, [menu]);

  const choose = useCallback(
    (action: MenuAction) => {
      if (!menu) return;
      closeMenu();
      runAction(action, menu.target, { api, copy: (text) => navigator.clipboard.writeText(text), problemOf: (row) => rowProblem(row, locale) })
        .then((outcome) => {
          if (outcome.messageKey) showToast({ kind: outcome.kind === 'done' ? 'success' : 'info', message: t(outcome.messageKey, { count: outcome.count ?? 0 }) });
        })
        .catch((error: unknown) => {
          const details = error instanceof ApiCallError ? t(`error.${error.code}`, { details: error.message }) : error instanceof Error ? error.message : String(error);
          showToast({ kind: 'error', message: t('grid.toast.actionFailed', { details }) });
        });
    },
    [menu, closeMenu, api, t, locale],
  );

  let element: ReactNode = null;
  if (menu) {
    const items = menuActions.map((action) => ({ action, label: t(`grid.menu.${action}`), disabled: !isAvailable(action, menu.target) }));
    element = <ContextMenu x={menu.x} y={menu.y} label={t('grid.menu.label')} items={items} onSelect={choose} onClose={closeMenu} />;
  }
  return { openMenu, menuElement: element };
}
