import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../main/providers/catalog/catalog.ts';
import { loadCatalog } from '../../main/providers/catalog/loadCatalog.ts';

/**
 * The catalog as a creator with a gateway that still serves the `/v1/videos` Sora shape would set
 * it up: a user catalog file marking openai/sora-2 and sora-2-pro active again.
 */
export function gatewayCatalog(): Catalog {
  const dir = mkdtempSync(join(tmpdir(), 'genvid-catalog-'));
  try {
    const file = join(dir, 'catalog.json');
    const active = { status: { state: 'active' } };
    writeFileSync(file, JSON.stringify({ catalogVersion: 'gateway', models: [{ provider: 'openai', id: 'sora-2', ...active }, { provider: 'openai', id: 'sora-2-pro', ...active }] }));
    const { catalog, problems } = loadCatalog(file);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    return catalog;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
