import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { GenvidCore } from '../core.ts';
import { mediaFileOf } from '../media/mediaFiles.ts';

/** Videos reach the renderer as genvid-media://video/<attemptId>: attempt ids in, output-folder files out. */
export const MEDIA_SCHEME = 'genvid-media';

/** The scheme's privileges (registered with the app scheme, before the app is ready): streaming lets <video> seek. */
export const mediaSchemePrivileges = { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } };

export function serveMedia(core: GenvidCore): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    const url = new URL(request.url);
    const attemptId = Number(/^\/(\d+)$/.exec(url.pathname)?.[1]);
    const file = url.host === 'video' && Number.isSafeInteger(attemptId) ? mediaFileOf(core.store, attemptId, core.settings().outputDir) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    // net.fetch of a file: URL answers Range requests itself.
    return net.fetch(pathToFileURL(file).toString(), { headers: request.headers });
  });
}
