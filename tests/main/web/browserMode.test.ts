import { describe, expect, it } from 'vitest';
import { testBrowserMode } from '../../helpers/browserMode.ts';
import { testCore } from '../../helpers/core.ts';

describe('browser mode', () => {
  it('serves the renderer with a strict Content-Security-Policy that allows only its own socket', async () => {
    const server = await testBrowserMode(testCore());
    const response = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}/api`);
  });

  it('serves assets, and the app page for any other path', async () => {
    const server = await testBrowserMode(testCore());
    const asset = await fetch(`http://127.0.0.1:${server.port}/assets/app.js`);
    expect(await asset.text()).toBe('console.log("genvid");');
    const deep = await fetch(`http://127.0.0.1:${server.port}/batches/7`);
    expect(await deep.text()).toContain('<div id="root">');
  });

  it('never serves files outside the renderer folder', async () => {
    const server = await testBrowserMode(testCore());
    for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      const body = await (await fetch(`http://127.0.0.1:${server.port}${path}`)).text();
      expect(body, path).not.toContain('root:');
    }
  });

  it('accepts only GET and HEAD', async () => {
    const server = await testBrowserMode(testCore());
    expect((await fetch(`http://127.0.0.1:${server.port}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
