import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../main/db/store.ts';
import { databaseFile } from '../../main/paths/dataDir.ts';
import { screenshots, useChromium } from '../helpers/e2ePage.ts';
import { seedBatch } from '../helpers/seed.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { startWebProcess } from '../helpers/webProcess.ts';

const chromium = useChromium();



async function startApp(dataDir = tempDir()) {
  const web = await startWebProcess(['--port', '0', '--data-dir', dataDir]);
  onTestFinished(() => web.stop());
  return web;
}

describe('browser mode, in Chromium', () => {
  it('loads the app, switches language and theme, and remembers them', async () => {
    const web = await startApp();
    const page = await chromium.newPage({ viewport: { width: 1200, height: 760 } });
    await page.goto(web.url);
    await page.locator('[data-app-state="ready"]').waitFor();
    // The token leaves the address bar once used.
    expect(page.url()).not.toContain('token');
    await expect.poll(() => page.getByTestId('empty-batches').textContent()).toContain('Drop a spreadsheet here to start');
    await page.screenshot({ path: join(screenshots, 'batches-empty-en-light.png') });

    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('empty-batches').textContent()).toContain('把表格拖到这里开始');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByTestId('theme-select').selectOption('dark');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: join(screenshots, 'batches-empty-zh-dark.png') });

    // Settings live in main: a reload (the token kept for this tab) comes back in 中文 and dark.
    await page.reload();
    await page.locator('[data-app-state="ready"]').waitFor();
    expect(await page.getByTestId('empty-batches').textContent()).toContain('把表格拖到这里开始');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');

    await page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => page.getByTestId('empty-batches').textContent()).toContain('Drop a spreadsheet here to start');
  });

  it('lists the batches in the data folder', async () => {
    const dataDir = tempDir();
    const store = openStore(databaseFile(dataDir));
    seedBatch(store, '春季新品广告', 12);
    seedBatch(store, 'Product shots', 3);
    store.close();
    const web = await startApp(dataDir);
    const page = await chromium.newPage({ viewport: { width: 1200, height: 760 } });
    await page.goto(web.url);
    const table = page.getByTestId('batches-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Product shots');
    expect(await rows.nth(1).textContent()).toContain('春季新品广告');
    expect(await rows.nth(1).textContent()).toContain('0/12');
    await page.screenshot({ path: join(screenshots, 'batches-list-en.png') });
  });

  it('explains what to do when the page has no valid token', async () => {
    const web = await startApp();
    const page = await chromium.browser().newPage();
    onTestFinished(() => page.close());
    await page.goto(web.url.replace(/#token=.*/, '#token=stale'));
    await page.locator('[data-app-state="bridge-error"]').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('refused this page');
    await page.goto(web.url.replace(/#token=.*/, ''));
    await page.reload();
    await page.locator('[data-app-state="bridge-error"]').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('#token');
    await page.screenshot({ path: join(screenshots, 'bridge-error.png') });
  });
});
