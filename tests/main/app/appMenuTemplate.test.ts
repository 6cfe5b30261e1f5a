import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../../main/app/appMenuTemplate.ts';

// Electron's menu item type, without importing Electron (tests run under plain Node).
type MenuItemConstructorOptions = ReturnType<typeof appMenuTemplate>[number];
const submenuOf = (item: MenuItemConstructorOptions | undefined) => item?.submenu as MenuItemConstructorOptions[];

describe('the desktop menu bar', () => {
  it('has File ▸ Open a sheet… on Ctrl+O, which asks main to open one', () => {
    const openSheet = vi.fn();
    const menu = appMenuTemplate({ locale: 'en', platform: 'linux', openSheet });
    expect(menu.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window']);
    const [open, separator, quit] = submenuOf(menu[0]);
    expect(open).toMatchObject({ label: 'Open a sheet…', accelerator: 'CmdOrCtrl+O' });
    expect(separator).toMatchObject({ type: 'separator' });
    expect(quit).toMatchObject({ role: 'quit', label: 'Quit Genvid' });
    (open!.click as () => void)();
    expect(openSheet).toHaveBeenCalledTimes(1);
    // The standard Edit menu: what makes copy and paste shortcuts work in fields on macOS.
    expect(menu[1]).toMatchObject({ role: 'editMenu' });
    // Nothing that reloads the page or opens developer tools.
    const roles = menu.flatMap((item) => [item.role, ...(Array.isArray(item.submenu) ? item.submenu.map((sub) => sub.role) : [])]);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('toggleDevTools');
  });

  it('speaks Chinese, and on macOS starts with the app menu and closes the window instead of quitting', () => {
    const menu = appMenuTemplate({ locale: 'zh-CN', platform: 'darwin', openSheet: () => undefined });
    expect(menu[0]).toEqual({ role: 'appMenu' });
    expect(menu.slice(1).map((item) => item.label)).toEqual(['文件', '编辑', '视图', '窗口']);
    expect(submenuOf(menu[1])[0]).toMatchObject({ label: '打开表格…' });
    expect(submenuOf(menu[1])[2]).toMatchObject({ role: 'close', label: '关闭窗口' });
  });
});
