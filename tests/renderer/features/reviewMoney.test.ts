import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/translate.ts';
import { formatAmount, formatMicros } from '../../../renderer/features/detail/money.ts';
import { formatElapsed } from '../../../renderer/features/detail/formatTime.ts';

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', key, params);

describe('money and time in the review screens', () => {
  it('formats micro-units as credits or dollars', () => {
    expect(formatMicros('en', en, 80_000_000, 'credits')).toBe('80 credits');
    expect(formatMicros('en', en, 1_234_500_000, 'credits')).toBe('1,234.5 credits');
    expect(formatMicros('zh-CN', zh, 80_000_000, 'credits')).toBe('80 积分');
    expect(formatMicros('en', en, 400_000, 'usd')).toBe('$0.40');
    expect(formatMicros('en', en, 12_500, 'usd')).toBe('$0.0125');
    expect(formatAmount('en', en, 1000, 'credits')).toBe('1,000 credits');
  });

  it('formats elapsed times', () => {
    expect(formatElapsed(125_000)).toBe('2:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-5)).toBe('0:00');
  });
});
