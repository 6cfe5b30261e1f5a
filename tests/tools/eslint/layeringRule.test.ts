import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
// Spelled through a constant so that a plain text search for imports of Electron finds only real ones.
const ELECTRON = 'electron';

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the layering lint', () => {
  it.each([
    ['renderer/App.tsx', `import { openStore } from '../main/db/store.ts';`, /renderer\/ may import only shared\/ and itself/],
    ['renderer/App.tsx', `import { readFileSync } from 'node:fs';`, /no Node built-ins/],
    ['renderer/api/x.ts', `import { ipcRenderer } from '${ELECTRON}';`, /Only main\/app\/ and preload\//],
    ['shared/domain/x.ts', `import { join } from 'path';`, /shared\/ runs everywhere: no Node built-ins/],
    ['shared/domain/x.ts', `import { create } from 'zustand';`, /shared\/ may import only zod/],
    ['shared/domain/x.ts', `import { openCore } from '../../main/core.ts';`, /shared\/ imports nothing of ours/],
    ['preload/index.ts', `import { openCore } from '../main/core.ts';`, /preload\/ may import only electron and shared/],
    ['main/api/handlers.ts', `import { app } from '${ELECTRON}';`, /Only main\/app\/ and preload\//],
    ['main/api/handlers.ts', `import Database from 'better-sqlite3';`, /Only main\/db\//],
    ['main/core.ts', `export { App } from '../renderer/App.tsx';`, /main\/ may not import renderer/],
    ['tests/main/x.test.ts', `import { app } from '${ELECTRON}';`, /Only main\/app\/ and preload\//],
    ['main/api/x.ts', `const load = () => import('electron');`, /Only main\/app\/ and preload\//],
  ])('fails %s importing: %s', async (file, code, expected) => {
    const found = await problems(file, `${code}\n`);
    expect(found.some((message) => message.startsWith('genvid/layering') && expected.test(message)), found.join('\n')).toBe(true);
  });

  it('fails SQL prepared outside main/db/', async () => {
    const found = await problems('main/api/handlers.ts', `export const q = (db: { prepare(s: string): unknown }) => db.prepare('SELECT 1');\n`);
    expect(found).toContain('no-restricted-syntax: SQL is prepared only in main/db/.');
  });

  it.each([
    ['main/app/main.ts', `import { app } from '${ELECTRON}';\nexport const a = app;\n`],
    ['preload/index.ts', `import { contextBridge } from '${ELECTRON}';\nexport const c = contextBridge;\n`],
    ['main/db/x.ts', `import Database from 'better-sqlite3';\nexport const d = Database;\n`],
    ['renderer/x.ts', `import { create } from 'zustand';\nimport { calls } from '../shared/contract/calls.ts';\nexport const x = [create, calls];\n`],
    ['main/api/x.ts', `import { calls } from '../../shared/contract/calls.ts';\nexport const x = calls;\n`],
  ])('allows %s its own imports', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
