import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it, onTestFinished } from 'vitest';
import { screenshots, useChromium } from '../helpers/e2ePage.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { startWebProcess } from '../helpers/webProcess.ts';

const chromium = useChromium();

/** A fresh page that may read the clipboard (to read back a copied task id). */
const newPage = (expected?: RegExp) => chromium.newPage({ permissions: ['clipboard-read', 'clipboard-write'] }, expected);

/**
 * A finished batch made the way a creator makes one: the command line runs a sheet on the Sandbox.
 * Row 2 has two takes that succeed; row 3's prompt is refused by the Sandbox's content policy.
 */
async function finishedBatch(): Promise<string> {
  const dataDir = tempDir();
  const sheet = join(dataDir, 'review.csv');
  writeFileSync(sheet, 'prompt,model,takes\n"A cat on a windowsill, golden light",kling-3.0,2\n"#sandbox-fail a blocked prompt",kling-3.0,1\n');
  const run = await runCli(['run', sheet, '--yes', '--out', join(dataDir, 'videos'), '--data-dir', dataDir, '--sandbox-speed', '3000']);
  expect(run.stderr).toContain('done 1');
  expect(run.stderr).toContain('failed 1');
  return dataDir;
}

async function openApp(dataDir: string, expected?: RegExp): Promise<Page> {
  const web = await startWebProcess(['--port', '0', '--data-dir', dataDir]);
  onTestFinished(() => web.stop());
  const page = await newPage(expected);
  await page.goto(web.url);
  await page.locator('[data-app-state="ready"]').waitFor();
  return page;
}

/** From the batches list into the batch's grid, then a double-click on the row opens its detail pane. */
async function openRow(page: Page, rowNumber: number, promptText: string): Promise<void> {
  if ((await page.getByTestId('batch-grid').count()) === 0) await page.getByTestId('open-batch-1').click();
  await page.getByRole('gridcell', { name: promptText }).first().dblclick();
  await page.getByRole('complementary').getByRole('heading', { name: `Row ${rowNumber}` }).waitFor();
}

async function openGallery(page: Page): Promise<void> {
  await page.getByTestId('nav-gallery').click();
  await page.getByTestId('gallery').waitFor();
}

/** The page's clipboard, for the same reason. */
interface ClipboardHolder {
  navigator: { clipboard: { readText(): Promise<string> } };
}

/** What the test reads of a <video> (the Node type-check has no DOM types). */
interface MediaElement {
  readyState: number;
  error: { code: number } | null;
  addEventListener(type: string, listener: () => void, options: { once: boolean }): void;
}

/** Resolves once the video element has its metadata: the file really came through the media route. */
async function videoLoads(page: Page, testId: string): Promise<number> {
  const video = page.getByTestId(testId);
  await video.waitFor();
  return video.evaluate(
    (element) =>
      new Promise<number>((resolve, reject) => {
        const media = element as unknown as MediaElement;
        if (media.readyState >= 1) return resolve(media.readyState);
        media.addEventListener('loadedmetadata', () => resolve(media.readyState), { once: true });
        media.addEventListener('error', () => reject(new Error(`video error ${media.error?.code}`)), { once: true });
      }),
  );
}

describe('reviewing a batch, in Chromium', () => {
  it('plays a done row\'s takes, picks one, and the gallery filters by pick', async () => {
    const page = await openApp(await finishedBatch());
    await openRow(page, 2, 'A cat on a windowsill');
    const pane = page.getByRole('complementary');
    expect(await pane.getByTestId('row-detail-status').textContent()).toContain('Done');
    const cards = pane.getByTestId('take-card');
    await expect.poll(() => cards.count()).toBe(2);
    const [first, second] = await Promise.all([cards.nth(0).getAttribute('data-attempt-id'), cards.nth(1).getAttribute('data-attempt-id')]);
    expect(await videoLoads(page, `take-video-${first}`)).toBeGreaterThanOrEqual(1);
    expect(await videoLoads(page, `take-video-${second}`)).toBeGreaterThanOrEqual(1);
    // The videos are the row's files, and it cost what the attempts say.
    expect(await pane.getByTestId('attempts-table').textContent()).toMatch(/\d+ credits/);
    expect(await pane.getByTestId('row-prompt').textContent()).toContain('A cat on a windowsill');
    expect(await pane.getByTestId('row-logs').textContent()).toContain('submitted');

    await pane.getByTestId(`pick-${first}`).click();
    await expect.poll(() => pane.getByTestId(`pick-${first}`).getAttribute('aria-pressed')).toBe('true');
    await pane.getByTestId(`reject-${second}`).click();
    await expect.poll(() => pane.getByTestId(`reject-${second}`).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: join(screenshots, 'review-detail-done.png') });

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('row-detail').count()).toBe(0);

    await openGallery(page);
    await expect.poll(() => page.getByTestId('gallery-card').count()).toBe(2);
    await page.getByTestId('gallery-filter-picked').click();
    await expect.poll(() => page.getByTestId('gallery-card').count()).toBe(1);
    expect(await page.getByTestId('gallery-card').getAttribute('data-attempt-id')).toBe(first);
    expect(await videoLoads(page, `gallery-video-${first}`)).toBeGreaterThanOrEqual(1);
    await page.getByTestId('gallery-filter-rejected').click();
    await expect.poll(() => page.getByTestId('gallery-card').getAttribute('data-attempt-id')).toBe(second);
    // Un-rejecting from the gallery takes the card out of the "rejected" view.
    await page.getByTestId(`reject-${second}`).click();
    await expect.poll(() => page.getByTestId('gallery-card').count()).toBe(0);
    await page.getByTestId('gallery-filter-unpicked').click();
    await expect.poll(() => page.getByTestId('gallery-card').count()).toBe(1);
    await page.getByTestId('gallery-filter-all').click();
    await expect.poll(() => page.getByTestId('gallery-card').count()).toBe(2);
    // The play button is the keyboard's way to watch a card.
    await page.getByTestId(`gallery-play-${first}`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId(`gallery-play-${first}`).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: join(screenshots, 'review-gallery.png') });
  });

  it('explains a failed row in words, with its attempt history, and offers a re-run', async () => {
    const page = await openApp(await finishedBatch());
    await openRow(page, 3, '#sandbox-fail');
    const pane = page.getByRole('complementary');
    expect(await pane.getByTestId('row-detail-status').textContent()).toContain('Failed');
    expect(await pane.getByTestId('row-error').textContent()).toContain('content policy');
    const history = pane.getByTestId('attempts-table');
    expect(await history.getByTestId('attempt-row').count()).toBe(1);
    expect(await history.textContent()).toContain('A retry will not help');
    const taskId = (await history.locator('code.task-id').textContent())!;
    expect(taskId).toMatch(/\w{6,}/);
    await history.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as ClipboardHolder).navigator.clipboard.readText())).toBe(taskId);
    expect(await pane.getByTestId('takes-grid').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'review-detail-failed.png') });

    await pane.getByTestId('row-rerun').click();
    // The re-run is a new attempt of the same row: the history keeps the first one.
    // The pane follows the engine: a second attempt appears, and the row is running again (the
    // Sandbox takes a while to refuse it again, so the test does not wait for that).
    await expect.poll(() => history.getByTestId('attempt-row').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => pane.getByTestId('row-detail-status').textContent(), { timeout: 15_000 }).toMatch(/Queued|Submitting|Generating/);
    expect(await pane.getByTestId('row-rerun').count()).toBe(0);
  });

  it('says so when a take\'s file has gone from the output folder', async () => {
    const dataDir = await finishedBatch();
    const videos = join(dataDir, 'videos');
    const gone = readdirSync(videos).find((name) => name.includes('take2'))!;
    rmSync(join(videos, gone));
    // The grid's thumbnail of the row asks for the missing file too; the browser logs its 404.
    const page = await openApp(dataDir, /status of 404/);
    await openRow(page, 2, 'A cat on a windowsill');
    const pane = page.getByRole('complementary');
    await expect.poll(() => pane.getByTestId('take-card').count()).toBe(2);
    const missing = pane.locator('[data-testid^="take-missing-"]');
    await expect.poll(() => missing.count()).toBe(1);
    expect(await missing.textContent()).toContain('missing');
    expect(await missing.textContent()).toContain(gone);
    expect(await pane.locator('video').count()).toBe(1);
  });
});
