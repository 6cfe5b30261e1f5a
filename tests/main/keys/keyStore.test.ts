import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../main/keys/keyStore.ts';
import { testCore } from '../../helpers/core.ts';
import { tempDir } from '../../helpers/tempDir.ts';

describe('the key store', () => {
  it('keeps keys in a file only this user can read, and forgets them on request', () => {
    const dir = tempDir();
    const keys = new FileKeyStore(dir);
    keys.set('kie', 'kie-secret-0001');
    keys.set('fal', 'fal-secret-0002');
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    expect(new FileKeyStore(dir).get('kie')).toBe('kie-secret-0001');
    keys.clear('kie');
    expect(new FileKeyStore(dir).get('kie')).toBeUndefined();
    expect(new FileKeyStore(dir).get('fal')).toBe('fal-secret-0002');
    expect(keys.storage).toEqual({ kind: 'user-file', location: join(dir, 'keys.json') });
  });

  it('treats a key it cannot decrypt as absent rather than failing', () => {
    const dir = tempDir();
    new FileKeyStore(dir, { encode: (key) => `enc:${key}` }).set('kie', 'k-123456789');
    const other = new FileKeyStore(dir, { decode: () => { throw new Error('another machine'); } });
    expect(other.get('kie')).toBeUndefined();
  });
});

describe('keys through the contract', () => {
  it('takes a key in and never gives it back, only its last characters', async () => {
    const core = testCore({ env: {} });
    const saved = await core.dispatch('setProviderKey', { provider: 'kie', key: 'kie-secret-key-abcd' });
    expect(JSON.stringify(saved)).not.toContain('kie-secret-key');
    expect(saved).toMatchObject({ ok: true, value: { providers: expect.arrayContaining([expect.objectContaining({ id: 'kie', key: { present: true, source: 'store', hint: '…abcd' } })]) } });
    expect(core.keys.get('kie')).toBe('kie-secret-key-abcd');
    const listed = await core.dispatch('listProviders', undefined);
    expect(JSON.stringify(listed)).not.toContain('kie-secret-key');
    await core.dispatch('clearProviderKey', { provider: 'kie' });
    expect(core.keys.get('kie')).toBeUndefined();
  });

  it('lets GENVID_KIE_KEY win over the saved key, and says where it came from', async () => {
    const core = testCore({ env: { GENVID_KIE_KEY: 'from-environment-9999' } });
    core.keys.set('kie', 'saved-key-1111');
    const listed = await core.dispatch('listProviders', undefined);
    expect(listed).toMatchObject({ ok: true, value: { providers: expect.arrayContaining([expect.objectContaining({ id: 'kie', key: { present: true, source: 'environment', hint: '…9999' } })]) } });
  });

  it('tests the Sandbox connection with its balance', async () => {
    const core = testCore();
    const result = await core.dispatch('testConnection', { provider: 'sandbox' });
    expect(result).toMatchObject({ ok: true, value: { ok: true, balance: { unit: 'credits' } } });
  });

  it('keeps no key in the database or its settings', async () => {
    const core = testCore({ env: {} });
    await core.dispatch('setProviderKey', { provider: 'fal', key: 'fal-secret-key-zzzz' });
    expect(readFileSync(core.store.file).includes(Buffer.from('fal-secret-key'))).toBe(false);
  });
});
