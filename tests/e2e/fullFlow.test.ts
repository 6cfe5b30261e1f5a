import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../main/db/store.ts';
import { databaseFile } from '../../main/paths/dataDir.ts';
import { dropFile, screenshots, useChromium } from '../helpers/e2ePage.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { startWebProcess } from '../helpers/webProcess.ts';

const chromium = useChromium();
const sheet = join(import.meta.dirname, '../fixtures/sheets/zh-e2e.xlsx');
const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshots, `${name}.png`) });
const count = (page: Page, status: string) => page.getByTestId(`count-${status}`).locator('strong').textContent({ timeout: 1000 }).catch(() => '0');

/** The grid row (by its cells' text) of the sheet row showing `text`. */
const gridRow = (page: Page, text: string) => page.getByTestId('batch-grid').getByRole('row').filter({ hasText: text });

describe('a creator’s whole day, in Chromium against the real engine and the Sandbox', () => {
  it('drops a Chinese sheet, runs it, fixes the failed row in place, and exports the results', async () => {
    const dataDir = tempDir();
    const outputDir = join(dataDir, 'videos');
    const store = openStore(databaseFile(dataDir));
    store.settings.writeMany({ outputDir });
    store.close();
    const web = await startWebProcess(['--port', '0', '--data-dir', dataDir, '--sandbox-speed', '400']);
    onTestFinished(() => web.stop());
    const page = await chromium.newPage();
    await page.goto(web.url);
    await page.locator('[data-app-state="ready"]').waitFor();

    // Import: the Chinese headers are mapped by name, the dialog shows the sheet, the batch opens.
    await dropFile(page, 'zh-e2e.xlsx', readFileSync(sheet));
    const dialog = page.locator('[data-testid="import-dialog"][data-phase="open"]');
    await dialog.waitFor();
    expect(await page.getByTestId('mapping-提示词').inputValue()).toBe('prompt');
    expect(await page.getByTestId('mapping-模型').inputValue()).toBe('model');
    expect(await page.getByTestId('mapping-时长').inputValue()).toBe('duration');
    await shot(page, 'flow-1-import-dialog');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('batch-view').waitFor();
    await expect.poll(() => page.getByTestId('batch-grid').getByRole('row').count()).toBeGreaterThanOrEqual(4);

    // Plan, then run.
    await page.getByTestId('batch-start').click();
    await page.getByTestId('plan-body').waitFor();
    expect(await page.getByTestId('plan-body').textContent()).toContain('3 rows → 3 videos');
    await shot(page, 'flow-2-plan');
    await page.getByTestId('plan-start').click();
    await expect.poll(() => count(page, 'done'), { timeout: 60_000 }).toBe('2');
    await expect.poll(() => count(page, 'failed'), { timeout: 30_000 }).toBe('1');
    await shot(page, 'flow-3-ran-with-one-failure');

    // The failed row says why, in words.
    await gridRow(page, '出租车').getByRole('gridcell').nth(1).dblclick();
    const detail = page.getByTestId('row-detail');
    await detail.waitFor();
    await expect.poll(() => detail.getByTestId('row-error').textContent()).toMatch(/content policy/i);
    await shot(page, 'flow-4-failed-row-detail');
    await page.getByTestId('row-detail-close').click();

    // Edit its prompt in the grid, then re-run it in place from the context menu.
    const promptCell = gridRow(page, '出租车').getByRole('gridcell').filter({ hasText: '#sandbox-fail' });
    await promptCell.click();
    await promptCell.press('Enter');
    const editor = page.getByTestId('grid-editor');
    await editor.fill('雨夜霓虹街道上的出租车，电影感');
    await editor.press('Enter');
    await expect.poll(() => gridRow(page, '电影感').count()).toBe(1);
    await gridRow(page, '电影感').getByRole('gridcell').nth(1).click({ button: 'right' });
    await page.getByTestId('grid-menu-rerun').click();
    await expect.poll(() => count(page, 'done'), { timeout: 60_000 }).toBe('3');
    expect(await count(page, 'failed')).toBe('0');
    // Every done row shows a still of its video, drawn from the file itself.
    const stills = page.getByTestId('batch-grid').locator('img.grid-thumb');
    await expect.poll(() => stills.count(), { timeout: 15_000 }).toBe(3);
    for (const still of await stills.all()) {
      expect(await still.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
      expect(await still.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBe(112);
    }
    await shot(page, 'flow-5-all-done');

    // Its video plays in the app, and its first attempt is kept in the history.
    await gridRow(page, '电影感').getByRole('gridcell').nth(1).dblclick();
    const video = detail.locator('video').first();
    await expect.poll(() => video.evaluate((element) => (element as unknown as { readyState: number }).readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(await detail.getByTestId('attempt-row').count()).toBe(2);
    await shot(page, 'flow-6-video-playing');

    // Export the results beside the videos.
    await page.getByTestId('export-select').selectOption({ index: 1 });
    const toast = page.getByTestId('toast-success').filter({ hasText: 'Exported' });
    await toast.waitFor();
    const path = /to (.+\.xlsx)/.exec((await toast.textContent()) ?? '')?.[1];
    expect(path && existsSync(path)).toBe(true);

    // 中文 and back.
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('batch-progress-text').textContent()).toContain('已完成 3 / 3 行');
    await shot(page, 'flow-7-zh');
    await page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => page.getByTestId('batch-progress-text').textContent()).toContain('3 of 3 rows finished');
  });
});
