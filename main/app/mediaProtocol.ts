import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { GenvidCore } from '../core.ts';
import { mediaFileOf } from '../media/mediaFiles.ts';

/** Videos reach the renderer as genvid-media://video/<attemptId>: attempt ids in, output-folder files out. */
export const MEDIA_SCHEME = 'genvid-media';

/**
 * The scheme's privileges (registered with the app scheme, before the app is ready): streaming lets
 * <video> seek; CORS lets the renderer draw a frame into a canvas for the grid's stills.
 */
export const mediaSchemePrivileges = { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true } };

/** `appOrigin` is the renderer's origin, the only one allowed to read the videos' pixels. */
export function serveMedia(core: GenvidCore, appOrigin: string): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    const attemptId = Number(/^\/(\d+)$/.exec(url.pathname)?.[1]);
    const file = url.host === 'video' && Number.isSafeInteger(attemptId) ? mediaFileOf(core.store, attemptId, core.settings().outputDir) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    // net.fetch of a file: URL answers Range requests itself.
    const response = await net.fetch(pathToFileURL(file).toString(), { headers: request.headers });
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', appOrigin);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  });
}
