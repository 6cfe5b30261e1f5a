import { describe, expect, it } from 'vitest';
import { parseBaseUrl, parseBudget, parseFolder, parseKey, parseWholeNumber } from '../../../renderer/features/settings/validators.ts';

describe('settings validators', () => {
  it('takes whole numbers in range, with thousands separators', () => {
    expect(parseWholeNumber('8', 1, 2000)).toEqual({ ok: true, value: 8 });
    expect(parseWholeNumber(' 1,000 ', 1, 2000)).toEqual({ ok: true, value: 1000 });
    expect(parseWholeNumber('0', 1, 2000).ok).toBe(false);
    expect(parseWholeNumber('2001', 1, 2000).ok).toBe(false);
    expect(parseWholeNumber('2.5', 1, 2000).ok).toBe(false);
    expect(parseWholeNumber('', 1, 2000).ok).toBe(false);
    expect(parseWholeNumber('abc', 1, 2000)).toMatchObject({ ok: false, message: 'settingsScreen.error.wholeNumber', params: { min: 1, max: 2000 } });
  });

  it('reads an empty budget as no cap and refuses zero or text', () => {
    expect(parseBudget('')).toEqual({ ok: true, value: null });
    expect(parseBudget('  ')).toEqual({ ok: true, value: null });
    expect(parseBudget('500')).toEqual({ ok: true, value: 500 });
    expect(parseBudget('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseBudget('10,000')).toEqual({ ok: true, value: 10000 });
    expect(parseBudget('0').ok).toBe(false);
    expect(parseBudget('-3').ok).toBe(false);
    expect(parseBudget('1e3').ok).toBe(false);
    expect(parseBudget('ten').ok).toBe(false);
  });

  it('wants a full folder path', () => {
    expect(parseFolder(' /home/me/Videos ')).toEqual({ ok: true, value: '/home/me/Videos' });
    expect(parseFolder('C:\\Videos\\Genvid')).toEqual({ ok: true, value: 'C:\\Videos\\Genvid' });
    expect(parseFolder('\\\\nas\\videos').ok).toBe(true);
    expect(parseFolder('')).toMatchObject({ ok: false, message: 'settingsScreen.error.folderEmpty' });
    expect(parseFolder('videos')).toMatchObject({ ok: false, message: 'settingsScreen.error.folderRelative' });
    expect(parseFolder('~/Videos')).toMatchObject({ ok: false, message: 'settingsScreen.error.folderRelative' });
  });

  it('takes http(s) addresses or nothing for a base URL', () => {
    expect(parseBaseUrl('')).toEqual({ ok: true, value: null });
    expect(parseBaseUrl('https://relay.example.com/')).toEqual({ ok: true, value: 'https://relay.example.com' });
    expect(parseBaseUrl('http://127.0.0.1:8080')).toEqual({ ok: true, value: 'http://127.0.0.1:8080' });
    expect(parseBaseUrl('relay.example.com').ok).toBe(false);
    expect(parseBaseUrl('ftp://relay.example.com').ok).toBe(false);
  });

  it('checks a key the way main does', () => {
    expect(parseKey('  sk-12345678  ')).toEqual({ ok: true, value: 'sk-12345678' });
    expect(parseKey('short').ok).toBe(false);
    expect(parseKey('x'.repeat(501)).ok).toBe(false);
  });
});
