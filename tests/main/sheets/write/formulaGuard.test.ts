import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from '../../../../main/sheets/write/formulaGuard.ts';

describe('the formula guard', () => {
  it('puts a quote before every OWASP formula prefix', () => {
    for (const cell of ['=1+1', '+1', '-5', '@SUM(A1)', '\tx', '\r=1', '=cmd|\'/C calc\'!A0', "-2+3+cmd|' /C calc'!A0"]) {
      expect(guardFormula(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
  });

  it('leaves everything else alone', () => {
    for (const cell of ['', 'a cat', '一只猫', ' =1', 'x=1', '5', "'abc", '\nx', '＝1']) {
      expect(guardFormula(cell), JSON.stringify(cell)).toBe(cell);
    }
  });

  it('guards text that already starts with quotes before a formula prefix', () => {
    expect(guardFormula("'=1")).toBe("''=1");
    expect(guardFormula("''-1")).toBe("'''-1");
  });

  it('is undone exactly by unguardFormula', () => {
    const cells = ['=1', "'=1", "''=1", "'abc", "'", '', '-5', 'plain', '@x', "'\t", '\r', "''"];
    for (const cell of cells) expect(unguardFormula(guardFormula(cell)), JSON.stringify(cell)).toBe(cell);
    // A cell that was never guarded reads back unchanged.
    expect(unguardFormula("'abc")).toBe("'abc");
    expect(unguardFormula('=1')).toBe('=1');
  });
});
