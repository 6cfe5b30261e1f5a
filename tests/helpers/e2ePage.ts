import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import { launchChromium } from './chromium.ts';

/** Where e2e tests save a screenshot of every screen (a CI artifact). */
export const screenshots = join(process.cwd(), 'test-results', 'screenshots');

/**
 * One Chromium for the test file, and fresh pages that fail the test on any console error or
 * uncaught exception (CSP violations included).
 */
export function useChromium(): { newPage(options?: BrowserContextOptions, allowedErrors?: RegExp): Promise<Page>; browser(): Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  return {
    /** The browser itself, for a page that is expected to log errors (a refused connection). */
    browser: () => browser!,
    /** `allowedErrors`: console errors the test expects (a refused request it provoked). */
    async newPage(options = {}, allowedErrors?: RegExp) {
      const context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', ...options });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !allowedErrors?.test(message.text())) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      onTestFinished(async () => {
        await context.close();
        expect(problems).toEqual([]);
      });
      return page;
    },
  };
}

/**
 * Drags a file onto the window as a person would: the bytes become a File in a DataTransfer inside
 * the page, dragenter anywhere shows the drop overlay, and the drop lands on it.
 */
export async function dropFile(page: Page, fileName: string, bytes: Uint8Array): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const web = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): unknown } }; File: new (parts: unknown[], name: string) => unknown };
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new web.DataTransfer();
      transfer.items.add(new web.File([data], name));
      return transfer;
    },
    { base64: Buffer.from(bytes).toString('base64'), name: fileName },
  );
  await page.locator('body').dispatchEvent('dragenter', { dataTransfer });
  const overlay = page.getByTestId('import-drop-overlay');
  await overlay.waitFor();
  await overlay.dispatchEvent('dragover', { dataTransfer });
  await overlay.dispatchEvent('drop', { dataTransfer });
  await overlay.waitFor({ state: 'detached' });
}
