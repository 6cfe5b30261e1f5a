import { join } from 'node:path';
import type { Locator, Page } from 'playwright';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../main/db/store.ts';
import { databaseFile } from '../../main/paths/dataDir.ts';
import { screenshots, useChromium } from '../helpers/e2ePage.ts';
import { seedBatch } from '../helpers/seed.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { startWebProcess } from '../helpers/webProcess.ts';

const ROWS = 2000;
const chromium = useChromium();

/**
 * A batch of 2,000 rows that has run once on the Sandbox: every tenth row (3, 13, 23, …) failed
 * with a content-policy error, the rest are drafts. Re-running a row starts the Sandbox again.
 */
function seedRunBatch(dataDir: string): number {
  const store = openStore(databaseFile(dataDir));
  const batchId = seedBatch(store, 'Grid batch', ROWS);
  const rowIds = store.rows.page({ batchId, offset: 0, limit: ROWS }).rows.map((row) => row.id);
  rowIds.forEach((rowId, index) => {
    if (index % 10 === 2) store.jobs.setRowStatus(rowId, 'failed', { code: 'moderation', message: `Blocked by the content policy (row ${index + 1})` });
  });
  const options = { provider: 'sandbox', concurrency: { profile: 'pro' }, polling: 'predictive', scheduling: 'continuous', outputDir: join(dataDir, 'videos'), caps: {} };
  store.jobs.setBatchOptions(batchId, 'sandbox', options);
  store.jobs.setBatchStatus(batchId, 'completed');
  store.close();
  return batchId;
}

/** The app on a seeded data folder, opened on the batch's screen, failing the test on any console error. */
async function openBatch(): Promise<{ page: Page; grid: Locator; batchId: number; url: string }> {
  const dataDir = tempDir();
  const batchId = seedRunBatch(dataDir);
  const web = await startWebProcess(['--port', '0', '--data-dir', dataDir]);
  onTestFinished(() => web.stop());
  // Wide enough that every column is in view without scrolling sideways.
  const page = await chromium.newPage({ viewport: { width: 1920, height: 1000 } });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(web.url).origin });
  await page.goto(web.url);
  await page.getByTestId(`open-batch-${batchId}`).click();
  const grid = page.getByTestId('batch-grid');
  await grid.waitFor();
  await expect.poll(() => page.getByTestId('grid-count').textContent()).toBe('2,000 rows');
  return { page, grid, batchId, url: web.url };
}

const columns = { rowNumber: 2, status: 3, prompt: 4, model: 5, error: 15 } as const;

/** A cell of the row whose # is `rowNumber` (rendered only while in view). */
function cell(grid: Locator, rowNumber: number, column: keyof typeof columns): Locator {
  return grid.locator(`[role="row"]:has(> [aria-colindex="2"]:text-is("${rowNumber}"))`).locator(`> [aria-colindex="${columns[column]}"]`);
}

// Code run in the page is written as strings: this config has Node's types, not the DOM's.

/** What Excel puts on the clipboard, delivered as a paste on the focused cell. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', ${JSON.stringify(text)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  })()`);
}

const activeCellText = (page: Page) => page.evaluate(`document.activeElement?.getAttribute('role') === 'gridcell' ? document.activeElement.textContent : null`);
const gridScroll = (page: Page) => page.evaluate(`(grid => [grid.scrollLeft, grid.scrollTop])(document.querySelector('[data-testid="batch-grid"]'))`) as Promise<[number, number]>;
const clipboardText = (page: Page) => page.evaluate('navigator.clipboard.readText()');
const focusedTestId = (page: Page) => page.evaluate(`document.activeElement?.getAttribute('data-testid')`);

describe('the batch grid, in Chromium', () => {
  it('shows a 2,000-row batch, scrolls to its last row, filters by status and searches', async () => {
    const { page, grid } = await openBatch();
    expect(await cell(grid, 1, 'prompt').textContent()).toBe('prompt 1');
    expect(await cell(grid, 3, 'status').textContent()).toBe('Failed');
    // Only the rows in view are in the page.
    expect(await grid.locator('[role="row"]').count()).toBeLessThan(60);

    await page.evaluate(`(grid => grid.scrollTo({ top: grid.scrollHeight }))(document.querySelector('[data-testid="batch-grid"]'))`);
    await expect.poll(() => cell(grid, ROWS, 'prompt').textContent()).toBe(`prompt ${ROWS}`);
    await page.screenshot({ path: join(screenshots, 'grid-scrolled-to-end.png') });

    await page.getByTestId('grid-status-filter').selectOption('failed');
    await expect.poll(() => page.getByTestId('grid-count').textContent()).toBe('200 rows');
    await expect.poll(() => cell(grid, 13, 'error').textContent()).toBe('Blocked by the content policy (row 13)');
    const statuses = await grid.locator(`[role="row"] > [aria-colindex="${columns.status}"]`).allTextContents();
    expect(new Set(statuses.slice(1))).toEqual(new Set(['Failed']));
    await page.getByTestId('grid-status-filter').selectOption('problems');
    await expect.poll(() => page.getByTestId('grid-count').textContent()).toBe('200 rows');

    await page.getByTestId('grid-status-filter').selectOption('all');
    await page.getByTestId('grid-search').fill('prompt 1999');
    await expect.poll(() => page.getByTestId('grid-count').textContent()).toBe('1 row');
    expect(await cell(grid, 1999, 'prompt').textContent()).toBe('prompt 1999');
    await page.getByTestId('grid-search').fill('');
    await expect.poll(() => page.getByTestId('grid-count').textContent()).toBe('2,000 rows');
  });

  it('edits a failed row inline, pastes a 2×2 block from Excel, and keeps both after a reload', async () => {
    const { page, grid, batchId } = await openBatch();

    await cell(grid, 3, 'prompt').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('grid-editor').fill('a red fox in the snow');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(grid, 3, 'prompt').textContent()).toBe('a red fox in the snow');

    // A quoted cell with a line break, as Excel copies it; the block fills prompt and model.
    await cell(grid, 11, 'prompt').click();
    await paste(page, '"a cat\non a roof"\tkling-3.0\r\na dog on a beach\tno-such-model\r\n');
    await expect.poll(() => cell(grid, 11, 'prompt').textContent()).toBe('a cat\non a roof');
    await expect.poll(() => cell(grid, 12, 'prompt').textContent()).toBe('a dog on a beach');
    expect(await cell(grid, 12, 'model').textContent()).toBe('no-such-model');
    // Main checks what was typed: the unknown model comes back as the row's problem.
    await expect.poll(() => cell(grid, 12, 'error').textContent()).toContain('no-such-model');
    await page.screenshot({ path: join(screenshots, 'grid-edited.png') });

    // Edits live in main, not in the page.
    await page.reload();
    await page.getByTestId(`open-batch-${batchId}`).click();
    await grid.waitFor();
    await expect.poll(() => cell(grid, 3, 'prompt').textContent()).toBe('a red fox in the snow');
    expect(await cell(grid, 11, 'model').textContent()).toBe('kling-3.0');

    // Enter on a cell that cannot be edited opens the row's detail.
    await cell(grid, 5, 'status').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('row-detail').waitFor();
  });

  it('copies an error and re-runs a failed row from the context menu, by mouse and by keyboard', async () => {
    const { page, grid } = await openBatch();

    await cell(grid, 13, 'status').click({ button: 'right' });
    const menu = page.getByTestId('grid-context-menu');
    await menu.waitFor();
    expect(await page.getByTestId('grid-menu-cancel').getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByTestId('grid-menu-openVideo').getAttribute('aria-disabled')).toBe('true');
    await page.screenshot({ path: join(screenshots, 'grid-context-menu.png') });
    await page.getByTestId('grid-menu-copyError').click();
    await expect.poll(() => clipboardText(page)).toBe('Blocked by the content policy (row 13)');

    // Ctrl-click adds rows to the selection; the menu then acts on all of them.
    await cell(grid, 3, 'prompt').click({ modifiers: ['ControlOrMeta'] });
    await expect.poll(() => page.getByTestId('grid-count').textContent()).toBe('2,000 rows · 2 selected');
    await cell(grid, 3, 'status').click({ button: 'right' });
    await page.getByTestId('grid-menu-copyError').click();
    await expect.poll(() => clipboardText(page)).toBe('3\tBlocked by the content policy (row 3)\n13\tBlocked by the content policy (row 13)');
    // Shift-click selects the range from the last clicked row.
    await cell(grid, 1, 'prompt').click();
    await cell(grid, 5, 'prompt').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('grid-count').textContent()).toBe('2,000 rows · 5 selected');

    // Keyboard: Shift+F10 opens the menu on the active cell, arrows move, Escape closes.
    await cell(grid, 23, 'prompt').click();
    await page.keyboard.press('Shift+F10');
    await menu.waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('grid-menu-rerun');
    await page.keyboard.press('ArrowDown');
    expect(await focusedTestId(page)).toBe('grid-menu-copyError');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await page.keyboard.press('ContextMenu');
    await expect.poll(() => focusedTestId(page)).toBe('grid-menu-rerun');
    expect(await page.getByTestId('grid-context-menu').count()).toBe(1);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('toasts').textContent()).toContain('Rows sent to run again: 1.');
    // The row leaves "failed" as the Sandbox takes it up again.
    await expect.poll(() => cell(grid, 23, 'status').textContent(), { timeout: 20_000 }).not.toBe('Failed');
  });

  it('moves, selects, edits, copies and resizes like a spreadsheet, by keyboard and by mouse', async () => {
    const { page, grid } = await openBatch();
    const count = page.getByTestId('grid-count');

    // Arrows move the active cell, which has the focus; Page Down scrolls it into view.
    await cell(grid, 1, 'prompt').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await activeCellText(page)).toBe('prompt 3');
    await page.keyboard.press('ArrowRight');
    expect(await activeCellText(page)).toBe('kling-3.0');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowLeft');
    // A page is the rows the body shows whole: (height − 36 px header) / 40 px.
    const pageRows = Number(await page.evaluate(`Math.floor((document.querySelector('[data-testid="batch-grid"]').clientHeight - 36) / 40)`));
    const paged = 3 + 2 * pageRows;
    expect(await activeCellText(page)).toBe(`prompt ${paged}`);
    expect((await gridScroll(page))[1]).toBeGreaterThan(0);
    expect(await cell(grid, paged, 'prompt').isVisible()).toBe(true);
    await page.keyboard.press('Control+End');
    await expect.poll(() => cell(grid, ROWS, 'error').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Control+Home');
    await expect.poll(() => cell(grid, 1, 'rowNumber').isVisible()).toBe(true);
    expect((await gridScroll(page))[1]).toBe(0);

    // Ctrl+C copies the active cell as text.
    await cell(grid, 3, 'error').click();
    await page.keyboard.press('ControlOrMeta+c');
    await expect.poll(() => clipboardText(page)).toBe('Blocked by the content policy (row 3)');

    // Typing over an editable cell starts an editor with that character; Escape puts it back.
    await cell(grid, 5, 'prompt').click();
    await page.keyboard.type('xyz');
    expect(await page.getByTestId('grid-editor').inputValue()).toBe('xyz');
    await page.keyboard.press('Escape');
    await page.getByTestId('grid-editor').waitFor({ state: 'detached' });
    expect(await cell(grid, 5, 'prompt').textContent()).toBe('prompt 5');
    expect(await activeCellText(page)).toBe('prompt 5');
    await page.keyboard.type('new prompt');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(grid, 5, 'prompt').textContent()).toBe('new prompt');
    // F2 edits starting from the cell's text; Tab commits and moves to the next cell.
    await page.keyboard.press('F2');
    expect(await page.getByTestId('grid-editor').inputValue()).toBe('new prompt');
    await page.keyboard.press('End');
    await page.keyboard.type(', at dusk');
    await page.keyboard.press('Tab');
    await expect.poll(() => cell(grid, 5, 'prompt').textContent()).toBe('new prompt, at dusk');
    expect(await activeCellText(page)).toBe('kling-3.0');

    // Clicking another field while editing commits the edit and leaves the focus there.
    await cell(grid, 6, 'prompt').click();
    await page.keyboard.type('a kite');
    await page.getByTestId('grid-search').click();
    await page.keyboard.type('prompt 199');
    await page.getByTestId('grid-editor').waitFor({ state: 'detached' });
    expect(await page.getByTestId('grid-search').inputValue()).toBe('prompt 199');
    await expect.poll(() => count.textContent()).toBe('11 rows');
    // A click on the empty space under the rows keeps the keys working on the active cell.
    await cell(grid, 199, 'prompt').click();
    const frame = await grid.boundingBox();
    if (!frame) throw new Error('the grid is not on screen');
    await page.mouse.click(frame.x + 400, frame.y + frame.height - 20);
    await page.keyboard.press('ArrowDown');
    expect(await activeCellText(page)).toBe('prompt 1990');
    await page.getByTestId('grid-search').fill('');
    await expect.poll(() => count.textContent()).toBe('2,000 rows');
    expect(await cell(grid, 6, 'prompt').textContent()).toBe('a kite');

    // The checkbox column: a click toggles a row, Shift-click gives the range the box's new state,
    // Space toggles the active row's box, Shift+Space any active row.
    const checkbox = (rowNumber: number) => cell(grid, rowNumber, 'rowNumber').locator('xpath=preceding-sibling::*[1]').getByRole('checkbox');
    await checkbox(2).click();
    await checkbox(6).click({ modifiers: ['Shift'] });
    await expect.poll(() => count.textContent()).toBe('2,000 rows · 5 selected');
    expect(await checkbox(4).isChecked()).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => count.textContent()).toBe('2,000 rows · 4 selected');
    await checkbox(3).click({ modifiers: ['Shift'] });
    await expect.poll(() => count.textContent()).toBe('2,000 rows · 1 selected');
    expect(await checkbox(2).isChecked()).toBe(true);
    await cell(grid, 8, 'prompt').click();
    await page.keyboard.press('Shift+Space');
    await expect.poll(() => count.textContent()).toBe('2,000 rows · 2 selected');
    expect(await page.getByTestId('grid-editor').count()).toBe(0);

    // The header checkbox clears a partial selection, then selects every loaded row.
    const selectAll = grid.getByRole('columnheader').first().getByRole('checkbox');
    await selectAll.click();
    await expect.poll(() => count.textContent()).toBe('2,000 rows');
    await selectAll.click();
    await expect.poll(() => count.textContent()).toMatch(/^2,000 rows · [1-9][\d,]* selected$/);
    await selectAll.click();
    await expect.poll(() => count.textContent()).toBe('2,000 rows');
    // The header row is reachable by keyboard: Arrow Up from the first row, Space on its checkbox.
    await cell(grid, 1, 'rowNumber').click();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(`document.activeElement?.getAttribute('role')`)).toBe('columnheader');
    await page.keyboard.press('Space');
    await expect.poll(() => count.textContent()).toMatch(/^2,000 rows · [1-9][\d,]* selected$/);
    await page.keyboard.press('Space');
    await expect.poll(() => count.textContent()).toBe('2,000 rows');

    // Dragging a header's edge resizes its column.
    const promptHeader = grid.getByRole('columnheader', { name: 'Prompt' });
    const before = await cell(grid, 1, 'prompt').boundingBox();
    const edge = await promptHeader.boundingBox();
    if (!before || !edge) throw new Error('the prompt column is not on screen');
    await page.mouse.move(edge.x + edge.width - 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width + 118, edge.y + edge.height / 2, { steps: 4 });
    await page.mouse.up();
    expect((await cell(grid, 1, 'prompt').boundingBox())?.width).toBe(before.width + 120);
    // A double-click on the edge fits the column to its widest prompt in view, none of them cut.
    await page.mouse.dblclick(edge.x + edge.width + 118, edge.y + edge.height / 2);
    await expect.poll(async () => (await cell(grid, 1, 'prompt').boundingBox())?.width).toBeLessThan(before.width);
    const clipped = await page.evaluate(`[...document.querySelectorAll('[data-testid="batch-grid"] [role="row"] > [aria-colindex="${columns.prompt}"]')].filter(cell => cell.scrollWidth > cell.clientWidth).length`);
    expect(clipped).toBe(0);

    // In a narrower window, the checkbox and # columns stay put while the rest scrolls sideways under them.
    await page.setViewportSize({ width: 1200, height: 1000 });
    const numberBefore = await cell(grid, 1, 'rowNumber').boundingBox();
    await page.evaluate(`document.querySelector('[data-testid="batch-grid"]').scrollLeft = 300`);
    await expect.poll(async () => (await cell(grid, 1, 'prompt').boundingBox())?.x).toBe(before.x - 300);
    expect((await cell(grid, 1, 'rowNumber').boundingBox())?.x).toBe(numberBefore?.x);
    await page.screenshot({ path: join(screenshots, 'grid-scrolled-sideways.png') });
    // Tab from an editor scrolls the next cell into view.
    await page.setViewportSize({ width: 700, height: 1000 });
    await page.evaluate(`document.querySelector('[data-testid="batch-grid"]').scrollLeft = 0`);
    await cell(grid, 1, 'model').click();
    const activeInView = () =>
      page.evaluate(`(() => {
        const grid = document.querySelector('[data-testid="batch-grid"]').getBoundingClientRect();
        const cell = document.activeElement.getBoundingClientRect();
        return cell.left >= grid.left && cell.right <= grid.right;
      })()`);
    for (let step = 0; step < 4; step += 1) {
      await page.keyboard.press('F2');
      await page.keyboard.press('Tab');
      await expect.poll(activeInView).toBe(true);
    }
    expect((await gridScroll(page))[0]).toBeGreaterThan(0);
    await page.getByTestId('theme-select').selectOption('dark');
    await page.screenshot({ path: join(screenshots, 'grid-dark.png') });
  });

  it('keeps an open edit on its own row when the rows move under it', async () => {
    const { page, grid, batchId, url } = await openBatch();
    await page.getByTestId('grid-status-filter').selectOption('failed');
    await expect.poll(() => page.getByTestId('grid-count').textContent()).toBe('200 rows');
    await cell(grid, 13, 'prompt').click();
    await page.keyboard.type('a heron at dawn');

    // Meanwhile, in another window, row 3 is re-run: it leaves the "failed" list, and row 13
    // moves up into its place, row 23 into row 13's.
    const other = await chromium.newPage();
    await other.goto(url);
    await other.getByTestId(`open-batch-${batchId}`).click();
    await cell(other.getByTestId('batch-grid'), 3, 'status').click({ button: 'right' });
    await other.getByTestId('grid-menu-rerun').click();
    await expect.poll(() => page.getByTestId('grid-count').textContent(), { timeout: 20_000 }).toBe('199 rows');

    // The editor closed with its row, and its text went to row 13, not to the row now in its place.
    await page.getByTestId('grid-editor').waitFor({ state: 'detached' });
    await expect.poll(() => cell(grid, 13, 'prompt').textContent()).toBe('a heron at dawn');
    expect(await cell(grid, 23, 'prompt').textContent()).toBe('prompt 23');
  });
});
