import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Store } from '../db/store.ts';

/**
 * The video file of an attempt, if it lies inside an output folder: the batch's own, or the one
 * in settings. The renderer names attempts, never paths, and a path in the database that points
 * elsewhere (edited by hand, a symlink) is refused, so the media protocol can serve nothing but
 * Genvid's own videos.
 */
export function mediaFileOf(store: Store, attemptId: number, settingsOutputDir: string): string | undefined {
  const file = store.review.attemptFile(attemptId);
  if (!file || !existsSync(file.path)) return undefined;
  const real = realpathSync(file.path);
  const roots = [file.outputDir, settingsOutputDir].filter((root): root is string => root !== null && existsSync(root)).map((root) => realpathSync(root));
  return roots.some((root) => isInside(real, root)) ? real : undefined;
}

function isInside(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}
