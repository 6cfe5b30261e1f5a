import { describe, expect, it } from 'vitest';
import { readAspect, readDuration, readImages, readPriority, readResolution, readRowId, readTakes } from '../../../../main/sheets/validate/cellValues.ts';

describe('reading cells the way creators write them', () => {
  it('reads resolutions', () => {
    expect(['1080P', '720', ' 1080p ', '1920x1080', '1080×1920', '4K', '高清', '超清'].map(readResolution)).toEqual([
      '1080p', '720p', '1080p', '1080p', '1080p', '2160p', '720p', '1080p',
    ]);
    expect(readResolution('')).toBeUndefined();
    expect(readResolution('999p')).toBeNull();
    expect(readResolution('high')).toBeNull();
  });

  it('reads durations in seconds', () => {
    expect(['10', '10s', '10 秒', '7.5', '１０'].map(readDuration)).toEqual([10, 10, 10, 7.5, 10]);
    expect(readDuration('  ')).toBeUndefined();
    expect(readDuration('ten')).toBeNull();
    expect(readDuration('0')).toBeNull();
    expect(readDuration('-5')).toBeNull();
  });

  it('reads aspect ratios, including full-width colons and words', () => {
    expect(['16:9', '16：9', '9/16', '横屏', '竖屏', 'Square', 'auto'].map(readAspect)).toEqual(['16:9', '16:9', '9:16', '16:9', '9:16', '1:1', 'auto']);
    expect(readAspect('wide')).toBeNull();
    expect(readAspect('0:9')).toBeNull();
  });

  it('reads takes as a whole number from 1 to 20', () => {
    expect(['1', '3', '3.0', '2次', '20'].map(readTakes)).toEqual([1, 3, 3, 2, 20]);
    expect(['0', '-1', '2.5', 'many', '21'].map(readTakes)).toEqual([null, null, null, null, null]);
    expect(readTakes('')).toBeUndefined();
  });

  it('reads priorities as whole numbers or words', () => {
    expect(['5', '-2', '高', 'low'].map(readPriority)).toEqual([5, -2, 1, -1]);
    expect(readPriority('urgent')).toBeNull();
  });

  it('splits one or two image URLs without breaking a URL that has commas', () => {
    expect(readImages('https://a.example/1.png\nhttps://a.example/2.png')).toEqual(['https://a.example/1.png', 'https://a.example/2.png']);
    expect(readImages('https://a.example/x.png?w=1,2 ; https://a.example/y.png')).toEqual(['https://a.example/x.png?w=1,2', 'https://a.example/y.png']);
    expect(readImages('  ')).toBeUndefined();
  });

  it('reads row ids', () => {
    expect(readRowId('42')).toBe(42);
    expect(readRowId('4 2')).toBeNull();
    expect(readRowId('')).toBeUndefined();
  });
});
