/**
 * The renderer's Content-Security-Policy, sent as a response header by both shells. Nothing inline,
 * nothing remote: scripts and styles come only from the app's own bundle.
 */
export function contentSecurityPolicy(options: { connectSources?: readonly string[]; mediaSources?: readonly string[] } = {}): string {
  const connect = ["'self'", ...(options.connectSources ?? [])].join(' ');
  const media = ["'self'", 'blob:', ...(options.mediaSources ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `media-src ${media}`,
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
