import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

/** What the OS does for the app: open a file in its default app, show it in its folder, notify. */
export interface DesktopActions {
  open(path: string): Promise<void>;
  reveal(path: string): Promise<void>;
  /** An OS notification; browser mode has none (the in-app toast is enough there). */
  notify?(title: string, body: string): void;
}

/**
 * Browser mode and the command line run on the creator's own machine, so they ask the OS the same
 * way a terminal would (xdg-open, open, explorer). Revealing opens the containing folder.
 */
export function systemDesktopActions(platform: NodeJS.Platform = process.platform): DesktopActions {
  const launch = (target: string) =>
    new Promise<void>((resolve, reject) => {
      const [command, args] = platform === 'darwin' ? ['open', [target]] : platform === 'win32' ? ['explorer', [target]] : ['xdg-open', [target]];
      const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
      child.once('error', reject);
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
  return { open: launch, reveal: (path) => launch(dirname(path)) };
}
