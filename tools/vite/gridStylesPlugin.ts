import type { Plugin } from 'vite';

/**
 * RDG styles its summary rows with `:nth-child(1 of …)` and `:nth-last-child(1 of …)` on the grid's
 * children. A structural selector there makes Chromium restyle every row whenever a row is added
 * or removed, which virtual scrolling does every frame: measured, it is ~440 elements restyled per
 * frame instead of the ~23 cells of the row that scrolled in. The app has no summary rows, so those
 * selectors become ones that match nothing.
 */
const SUMMARY_ROW_SELECTORS = [':nth-last-child(1 of .rdg-top-summary-row)', ':nth-child(1 of .rdg-bottom-summary-row)'];
const MATCHES_NOTHING = ':not(*)';

export function withoutSummaryRowSelectors(css: string): string {
  let result = css;
  for (const selector of SUMMARY_ROW_SELECTORS) {
    // A new RDG that renames these should be looked at again, not silently slow: fail the build.
    if (!result.includes(selector)) throw new Error(`react-data-grid's stylesheet no longer has "${selector}": check gridStylesPlugin.ts against the new version.`);
    result = result.replaceAll(selector, MATCHES_NOTHING);
  }
  return result;
}

/** Applies `withoutSummaryRowSelectors` to RDG's stylesheet as the renderer is built. */
export function gridStylesPlugin(): Plugin {
  return {
    name: 'genvid:grid-styles',
    enforce: 'pre',
    transform(code, id) {
      return id.replaceAll('\\', '/').endsWith('/react-data-grid/lib/styles.css') ? { code: withoutSummaryRowSelectors(code), map: null } : null;
    },
  };
}
