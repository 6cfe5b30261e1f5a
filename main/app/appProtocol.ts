import { net, protocol } from 'electron';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mediaSchemePrivileges } from './mediaProtocol.ts';

/** The renderer is served from app://genvid/ so that it has a real origin and CSP headers apply. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://genvid`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    mediaSchemePrivileges,
  ]);
}

/** Serves files from the built renderer only, with the CSP header; anything outside is refused. */
export function serveRenderer(rendererDir: string, csp: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = resolve(root, `.${path}`);
    const inside = relative(root, file);
    if (url.host !== 'genvid' || inside.startsWith('..') || inside.includes(`..${sep}`)) {
      return new Response('Forbidden', { status: 403 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
