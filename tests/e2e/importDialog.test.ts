import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it, onTestFinished } from 'vitest';
import { dropFile, screenshots, useChromium } from '../helpers/e2ePage.ts';
import { fileURLToPath } from 'node:url';
import { openCore } from '../../main/core.ts';
import { startBrowserMode } from '../../main/web/browserMode.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { startWebProcess, type WebProcess } from '../helpers/webProcess.ts';

const chromium = useChromium();
const sheets = join(process.cwd(), 'tests', 'fixtures', 'sheets');

/** The few browser globals the page functions use (tests type-check without the DOM library). */
interface PageGlobals {
  DataTransfer: new () => { items: { add(file: unknown): unknown } };
  File: new (parts: Uint8Array[], name: string) => unknown;
  document: { activeElement: { getAttribute(name: string): string | null; tagName: string } | null };
}



async function openApp(dataDir = tempDir()): Promise<{ page: Page; web: WebProcess }> {
  const web = await startWebProcess(['--port', '0', '--data-dir', dataDir]);
  onTestFinished(() => web.stop());
  const page = await chromium.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(web.url);
  await page.locator('[data-app-state="ready"]').waitFor();
  return { page, web };
}

/** Drags a real fixture file onto the window as a person would. */
const dropFixture = (page: Page, fixture: string) => dropFile(page, fixture, readFileSync(join(sheets, fixture)));

/** Waits until main has answered: the dialog shows the sheet (or why it cannot). */
async function dialogIn(page: Page, phase: 'open' | 'failed') {
  const dialog = page.locator(`[data-testid="import-dialog"][data-phase="${phase}"]`);
  await dialog.waitFor();
  return dialog;
}

/** Waits for main to answer the last change (a select sets data-busy at once, in its change event). */
const settled = (page: Page) => page.locator('[data-testid="import-dialog"][data-busy="false"]').waitFor();

const focusedTestId = (page: Page) =>
  page.evaluate(() => {
    const active = (globalThis as unknown as PageGlobals).document.activeElement;
    return active?.getAttribute('data-testid') ?? active?.tagName ?? null;
  });

describe('the import dialog, in Chromium against browser mode', () => {
  it('maps Chinese headers under a title row, shows problems on their cells, and cancels with Escape', async () => {
    const { page } = await openApp();
    await dropFixture(page, 'zh-mixed-models.xlsx');
    const dialog = await dialogIn(page, 'open');
    expect(await dialog.getAttribute('role')).toBe('dialog');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.textContent()).toContain('zh-mixed-models.xlsx');
    // The title row and the blank row above the headers are skipped.
    expect(await page.getByTestId('import-header-row').textContent()).toBe('row 3');
    expect(await page.getByTestId('mapping-提示词').inputValue()).toBe('prompt');
    expect(await page.getByTestId('mapping-模型').inputValue()).toBe('model');
    expect(await page.getByTestId('mapping-分辨率').inputValue()).toBe('resolution');
    expect(await page.getByTestId('mapping-画幅').inputValue()).toBe('aspect');
    expect(await page.getByTestId('mapping-产品').inputValue()).toBe('');
    expect(await page.getByTestId('mapping-origin-提示词').textContent()).toBe('auto');
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/^7 rows · 3 with problems · 1 duplicate$/);
    expect(await page.getByTestId('import-name').inputValue()).toBe('zh-mixed-models');
    // Focus starts in the dialog, on the batch name: Enter imports from there.
    expect(await focusedTestId(page)).toBe('import-name');

    // A problem is on its cell, highlighted, with its message written out and as the cell's title.
    const problemCell = page.locator('[data-testid="import-preview-table"] td.issue').first();
    const message = (await problemCell.locator('.import-cell-issues li').first().textContent()) ?? '';
    expect(message.length).toBeGreaterThan(10);
    expect(await problemCell.getAttribute('title')).toContain(message);
    expect(await page.getByTestId('import-preview-table').textContent()).toContain('same as row');
    await page.screenshot({ path: join(screenshots, 'import-dialog-en.png') });
    await problemCell.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'import-dialog-problems-en.png') });

    // Changing a column's field is the creator's choice, marked as such.
    await page.getByTestId('mapping-产品').selectOption('name');
    await settled(page);
    await expect.poll(() => page.getByTestId('mapping-文件名').inputValue()).toBe('');
    expect(await page.getByTestId('mapping-产品').inputValue()).toBe('name');
    expect(await page.getByTestId('mapping-origin-产品').textContent()).toBe('you');

    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  });

  it('reads a GBK file, and shows it again in another encoding when asked', async () => {
    const { page } = await openApp();
    await dropFixture(page, 'zh-gbk.csv');
    await dialogIn(page, 'open');
    const encoding = page.getByTestId('import-encoding-select');
    expect(await encoding.inputValue()).toBe('gb18030');
    expect(await page.getByTestId('encoding-preview-gb18030').textContent()).toContain('提示词,模型');
    expect(await page.getByTestId('encoding-preview-utf-8').textContent()).toContain('not valid');
    expect(await page.getByTestId('mapping-提示词').inputValue()).toBe('prompt');
    await page.screenshot({ path: join(screenshots, 'import-encoding-en.png') });

    // Not valid as UTF-8: main says so, and the dialog keeps the sheet as it was.
    await encoding.selectOption('utf-8');
    await settled(page);
    await expect.poll(() => page.getByTestId('import-error').textContent()).toContain('cannot be read as UTF-8');
    expect(await encoding.inputValue()).toBe('gb18030');
    expect(await page.getByTestId('mapping-提示词').inputValue()).toBe('prompt');

    await encoding.selectOption('big5');
    await settled(page);
    // Read as Big5 the headers are other characters, so nothing maps to the prompt any more.
    await page.getByTestId('mapping-提示词').waitFor({ state: 'detached' });
    expect(await encoding.inputValue()).toBe('big5');
    expect(await page.getByTestId('import-sheet-issues').textContent()).toBeTruthy();
    expect(await page.getByTestId('import-submit').getAttribute('aria-disabled')).toBe('true');

    await encoding.selectOption('gb18030');
    await settled(page);
    await expect.poll(() => page.getByTestId('mapping-提示词').inputValue()).toBe('prompt');
    expect(await page.getByTestId('import-sheet-issues').count()).toBe(0);
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  });

  it('switches between the sheets of a workbook', async () => {
    const { page } = await openApp();
    await dropFixture(page, 'two-sheets-first-empty.xlsx');
    await dialogIn(page, 'open');
    const sheet = page.getByTestId('import-sheet-select');
    // The empty first sheet is passed over for the one with data.
    expect(await sheet.inputValue()).toBe('Videos');
    expect(await page.getByTestId('mapping-prompt').inputValue()).toBe('prompt');

    await sheet.selectOption('说明');
    await settled(page);
    await page.getByTestId('mapping-备注').waitFor();
    expect(await page.getByTestId('import-sheet-issues').textContent()).toBeTruthy();

    await sheet.selectOption('Videos');
    await settled(page);
    await expect.poll(() => page.getByTestId('mapping-prompt').inputValue()).toBe('prompt');
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/^\d+ rows/);
    await page.screenshot({ path: join(screenshots, 'import-sheets-en.png') });
  });

  it('says clearly that a PNG renamed .xlsx is not a spreadsheet', async () => {
    const { page } = await openApp();
    // A drag that leaves the window again takes the overlay with it.
    const dataTransfer = await page.evaluateHandle(() => {
      const web = globalThis as unknown as PageGlobals;
      const transfer = new web.DataTransfer();
      transfer.items.add(new web.File([new Uint8Array(1)], 'a.csv'));
      return transfer;
    });
    await page.locator('body').dispatchEvent('dragenter', { dataTransfer });
    await page.getByTestId('import-drop-overlay').dispatchEvent('dragleave', { dataTransfer });
    await page.getByTestId('import-drop-overlay').waitFor({ state: 'detached' });

    await dropFixture(page, 'png-renamed.xlsx');
    const dialog = await dialogIn(page, 'failed');
    expect(await page.getByTestId('import-error').textContent()).toContain('is not a spreadsheet');
    expect(await dialog.textContent()).toContain('png-renamed.xlsx');
    await page.screenshot({ path: join(screenshots, 'import-error-en.png') });
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  });

  it('completes an import with the keyboard alone and opens the batch', async () => {
    const { page } = await openApp();
    // Listening first: Playwright starts intercepting the system file chooser only once asked to.
    const chooser = page.waitForEvent('filechooser');
    // Tab from the top of the page to the open button.
    for (let presses = 0; presses < 30 && (await focusedTestId(page)) !== 'open-sheet-button'; presses++) await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('open-sheet-button');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(join(sheets, 'zh-mixed-models.xlsx'));
    await dialogIn(page, 'open');
    expect(await focusedTestId(page)).toBe('import-name');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('键盘导入');

    // Back past the rows' table to the default model, and pick one with the arrow key.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedTestId(page)).toBe('import-default-model-select');
    await page.keyboard.press('ArrowDown');
    await settled(page);
    await expect.poll(() => page.getByTestId('import-default-model-select').inputValue()).not.toBe('');

    // Tab order: name → Cancel → Import, and then round to the top of the dialog.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('import-name');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('import-cancel');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('import-submit');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('import-sheet-select');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedTestId(page)).toBe('import-submit');
    await page.keyboard.press('Enter');

    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    // The new batch opens, under the name typed.
    await page.getByTestId('batch-grid-root').waitFor();
    expect(await page.getByTestId('batch-view').locator('h1').textContent()).toBe('键盘导入');
    await page.screenshot({ path: join(screenshots, 'import-done-batch.png') });

  });

  it('remembers the mapping the creator chose for the next sheet with the same headers', async () => {
    const { page } = await openApp();
    await dropFixture(page, 'zh-title-row.xlsx');
    await dialogIn(page, 'open');
    await page.getByTestId('mapping-截止日期').selectOption('name');
    await settled(page);
    await expect.poll(() => page.getByTestId('mapping-文件名').inputValue()).toBe('');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('batch-grid-root').waitFor();

    await dropFixture(page, 'zh-title-row.xlsx');
    await dialogIn(page, 'open');
    expect(await page.getByTestId('mapping-截止日期').inputValue()).toBe('name');
    expect(await page.getByTestId('mapping-文件名').inputValue()).toBe('');
    expect(await page.getByTestId('mapping-origin-提示词').textContent()).toBe('your template');
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  });

  it('opens a sheet from the open button, in Chinese and dark, and gives focus back on Escape', async () => {
    const { page } = await openApp();
    await page.getByTestId('language-select').selectOption('zh-CN');
    await page.getByTestId('theme-select').selectOption('dark');
    const button = page.getByTestId('open-sheet-button').first();
    await button.focus();
    await page.getByTestId('open-sheet-input').first().setInputFiles(join(sheets, 'zh-title-row.xlsx'));
    const dialog = await dialogIn(page, 'open');
    expect(await dialog.textContent()).toContain('导入“zh-title-row.xlsx”');
    expect(await page.getByTestId('import-header-row').textContent()).toBe('第 3 行');
    expect(await page.getByTestId('mapping-提示词').inputValue()).toBe('prompt');
    expect(await page.getByTestId('mapping-截止日期').locator('option:checked').textContent()).toBe('不使用');
    await page.screenshot({ path: join(screenshots, 'import-dialog-zh-dark.png') });

    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('open-sheet-button');
  });

  it('opens a sheet the desktop File menu chose: main hands over its path, and the dialog reads it', async () => {
    // Main and browser mode in this process, so the test can send the event File ▸ Open sends.
    const core = openCore({ dataDir: tempDir(), shell: 'browser', locale: 'en-US' });
    const server = await startBrowserMode({ core, rendererDir: fileURLToPath(new URL('../../out/renderer/', import.meta.url)), port: 0 });
    onTestFinished(async () => {
      await server.close();
      await core.close();
    });
    const page = await chromium.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(server.url);
    await page.locator('[data-app-state="ready"]').waitFor();

    core.events.emit('openSheet', { path: join(sheets, 'zh-title-row.xlsx') });
    const dialog = await dialogIn(page, 'open');
    expect(await dialog.textContent()).toContain('zh-title-row.xlsx');
    expect(await page.getByTestId('mapping-提示词').inputValue()).toBe('prompt');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('batch-grid-root').waitFor();
    expect(core.store.batches.list().map((batch) => batch.sourceFile)).toEqual([join(sheets, 'zh-title-row.xlsx')]);
  });
});
