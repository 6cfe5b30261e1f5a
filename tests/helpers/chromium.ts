import { chromium, type Browser } from 'playwright';

/** Debian's Chromium; Playwright downloads no browser here. */
export const CHROMIUM_PATH = process.env.GENVID_CHROMIUM ?? '/usr/bin/chromium';

/** The flags this machine needs (root, no GPU, a closed network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
