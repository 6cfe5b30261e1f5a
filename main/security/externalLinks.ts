/** Sites a link in the app may open, in the system browser: the providers' consoles and docs. */
const EXTERNAL_HOSTS = new Set(['kie.ai', 'docs.kie.ai', 'fal.ai', 'docs.fal.ai', 'github.com']);

/** Only https links to the allow-listed sites leave the app; everything else is dropped. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && EXTERNAL_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}
