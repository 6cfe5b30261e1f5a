import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it, onTestFinished } from 'vitest';
import { screenshots, useChromium } from '../helpers/e2ePage.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { startWebProcess } from '../helpers/webProcess.ts';

const chromium = useChromium();



async function openSettings(dataDir: string): Promise<Page> {
  // No provider keys from this machine's environment: the screen must show what it stored itself.
  for (const name of ['GENVID_KIE_KEY', 'GENVID_FAL_KEY', 'GENVID_OPENAI_KEY']) delete process.env[name];
  const web = await startWebProcess(['--port', '0', '--data-dir', dataDir]);
  onTestFinished(() => web.stop());
  const page = await chromium.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(web.url);
  await showSettings(page);
  return page;
}

async function showSettings(page: Page): Promise<void> {
  await page.locator('[data-app-state="ready"]').waitFor();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-screen').waitFor();
}

/** Types a value into a setting and saves it; resolves once the screen says it was saved. */
async function saveField(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(`${testId}-save`).click();
  await page.getByTestId(`${testId}-saved`).waitFor();
}

async function fieldError(page: Page, testId: string, value: string): Promise<string> {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(`${testId}-save`).click();
  return (await page.getByTestId(`${testId}-error`).textContent()) ?? '';
}

describe('settings, in Chromium', () => {
  it('saves a key without ever showing it again, and says where it is kept', async () => {
    const dataDir = tempDir();
    const page = await openSettings(dataDir);
    const note = page.getByTestId('key-storage-note');
    expect(await note.textContent()).toContain('readable only by your user account');
    expect(await note.textContent()).toContain('browser mode');
    const location = (await note.locator('code').textContent())!;
    expect(location.startsWith(dataDir)).toBe(true);

    const key = 'kie-test-key-0123456789-wxyz';
    expect(await page.getByTestId('key-status-kie').textContent()).toContain('No key');
    // Too short for a key: refused beside the field, nothing sent.
    await page.getByTestId('key-input-kie').fill('abc');
    await page.getByTestId('key-save-kie').click();
    expect(await page.getByTestId('key-error-kie').textContent()).toContain('between 8 and 500');

    await page.getByTestId('key-input-kie').fill(key);
    await page.getByTestId('key-save-kie').click();
    await expect.poll(() => page.getByTestId('key-status-kie').textContent()).toContain('Key saved …wxyz');
    expect(await page.getByTestId('key-input-kie').inputValue()).toBe('');
    expect(await page.content()).not.toContain(key);
    // In a file only this user can read, holding the key.
    expect(statSync(location).mode & 0o777).toBe(0o600);
    expect(readFileSync(location, 'utf8')).toContain(key);
    await page.screenshot({ path: join(screenshots, 'settings-keys.png') });

    await page.reload();
    await showSettings(page);
    await expect.poll(() => page.getByTestId('key-status-kie').textContent()).toContain('Key saved …wxyz');
    expect(await page.content()).not.toContain(key);

    await page.getByTestId('key-remove-kie').click();
    await expect.poll(() => page.getByTestId('key-status-kie').textContent()).toContain('No key');
  });

  it('tests the Sandbox connection and shows its balance', async () => {
    const page = await openSettings(tempDir());
    expect(await page.getByTestId('provider-sandbox').textContent()).toContain('Simulated');
    expect(await page.getByTestId('key-status-sandbox').textContent()).toContain('Needs no key');
    expect(await page.getByTestId('key-input-sandbox').count()).toBe(0);
    await page.getByTestId('test-connection-sandbox').click();
    const result = page.getByTestId('connection-result-sandbox');
    await expect.poll(() => result.getAttribute('data-ok'), { timeout: 15_000 }).toBe('true');
    expect(await result.textContent()).toMatch(/Connected\. Balance: [\d,]+ credits/);
  });

  it('changes concurrency, budgets and the output folder, refuses bad values, and keeps them after a reload', async () => {
    const dataDir = tempDir();
    const output = join(dataDir, 'my videos');
    const page = await openSettings(dataDir);

    await page.getByTestId('concurrency-profile').selectOption('enterprise');
    await page.getByTestId('concurrency-profile-saved').waitFor();
    await page.getByTestId('concurrency-profile').selectOption('custom');
    expect(await fieldError(page, 'concurrency-custom', '0')).toContain('whole number from 1 to 2000');
    expect(await fieldError(page, 'concurrency-custom', '2.5')).toContain('whole number');
    await saveField(page, 'concurrency-custom', '8');

    expect(await fieldError(page, 'budget-per-batch', '-5')).toContain('above 0');
    await saveField(page, 'budget-per-batch', '500');
    await saveField(page, 'budget-per-day', '2,000');
    expect(await page.getByTestId('budget-per-day').inputValue()).toBe('2000');

    expect(await fieldError(page, 'output-dir', 'videos')).toContain('full path');
    await saveField(page, 'output-dir', output);

    expect(await fieldError(page, 'base-url-fal', 'not a url')).toContain('web address');
    await saveField(page, 'base-url-fal', 'https://relay.example.com/fal/');
    expect(await fieldError(page, 'import-max-rows', '0')).toContain('whole number');
    await page.screenshot({ path: join(screenshots, 'settings-values.png'), fullPage: true });

    await page.reload();
    await showSettings(page);
    expect(await page.getByTestId('concurrency-profile').inputValue()).toBe('custom');
    expect(await page.getByTestId('concurrency-custom').inputValue()).toBe('8');
    expect(await page.getByTestId('budget-per-batch').inputValue()).toBe('500');
    expect(await page.getByTestId('budget-per-day').inputValue()).toBe('2000');
    expect(await page.getByTestId('output-dir').inputValue()).toBe(output);
    expect(await page.getByTestId('base-url-fal').inputValue()).toBe('https://relay.example.com/fal');
    expect(await page.getByTestId('import-max-rows').inputValue()).toBe('100000');

    // Back to a profile; an empty budget is no cap.
    await page.getByTestId('concurrency-profile').selectOption('pro');
    await page.getByTestId('concurrency-profile-saved').waitFor();
    await saveField(page, 'budget-per-batch', '');
    await page.reload();
    await showSettings(page);
    expect(await page.getByTestId('concurrency-profile').inputValue()).toBe('pro');
    expect(await page.getByTestId('concurrency-custom').count()).toBe(0);
    expect(await page.getByTestId('budget-per-batch').inputValue()).toBe('');
  });

  it('reads in 简体中文 and dark', async () => {
    const page = await openSettings(tempDir());
    await page.getByTestId('settings-language').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('key-storage-note').textContent()).toContain('只有你的用户账户能读取');
    await page.getByTestId('settings-theme').selectOption('dark');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: join(screenshots, 'settings-zh-dark.png') });
  });
});
