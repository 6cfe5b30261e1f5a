import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/genvid.js', import.meta.url));
const sample = fileURLToPath(new URL('../../examples/sample.xlsx', import.meta.url));

// The installed `genvid` runs the built bundle (out/main/cli.js), whose worker thread and simulator
// media are found beside it: this checks the build, as `npm test` makes it.
describe('the built genvid command', () => {
  it('checks a sheet and runs the sample on the Sandbox', async () => {
    expect(existsSync(fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))), 'run `npm run build` first').toBe(true);
    const data = tempDir();
    const check = await run(process.execPath, [bin, 'check', sample, '--json', '--data-dir', data]);
    expect(JSON.parse(check.stdout)).toMatchObject({ format: 'xlsx', headerRow: 3, errors: [] });
    const out = join(data, 'videos');
    const result = await run(process.execPath, [bin, 'run', sample, '--yes', '--out', out, '--data-dir', data, '--sandbox-speed', '3000']);
    expect(result.stderr).toContain('6/6 · done 6');
    expect(readdirSync(out).filter((name) => name.endsWith('.mp4'))).toHaveLength(7);
  });
});
