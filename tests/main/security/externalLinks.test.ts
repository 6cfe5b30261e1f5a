import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../main/security/externalLinks.ts';

describe('links that may leave the app', () => {
  it('are https links to the allow-listed provider sites only', () => {
    expect(isAllowedExternalUrl('https://kie.ai/logs')).toBe(true);
    expect(isAllowedExternalUrl('https://docs.fal.ai/model-apis')).toBe(true);
    for (const url of [
      'http://kie.ai/',
      'https://kie.ai.evil.example/',
      'https://evil.example/?kie.ai',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user@kie.ai/',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
