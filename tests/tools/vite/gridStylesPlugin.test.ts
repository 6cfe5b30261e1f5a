import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withoutSummaryRowSelectors } from '../../../tools/vite/gridStylesPlugin.ts';

const rdgStyles = readFileSync(createRequire(import.meta.url).resolve('react-data-grid/lib/styles.css'), 'utf8');

describe('the grid stylesheet without summary-row selectors', () => {
  it('has no structural selector on the grid’s rows left, and keeps every other rule', () => {
    const css = withoutSummaryRowSelectors(rdgStyles);
    expect(css).not.toMatch(/nth-(last-)?child\(1 of \.rdg-(top|bottom)-summary-row\)/);
    expect(css.length).toBeGreaterThan(rdgStyles.length - 100);
    expect(css.match(/\{/g)?.length).toBe(rdgStyles.match(/\{/g)?.length);
  });

  it('fails loudly when the stylesheet no longer has the selectors it removes', () => {
    expect(() => withoutSummaryRowSelectors('.rdg { display: grid; }')).toThrow(/no longer has/);
  });
});
