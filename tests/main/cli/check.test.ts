import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/db/store.ts';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/sheets/${name}`, import.meta.url));

interface CheckJson {
  file: string;
  format: string | null;
  encoding: string | null;
  sheet: string | null;
  headerRow: number | null;
  mapping: Record<string, string>;
  rows: { row: number; fields: Record<string, unknown>; errors: { field: string; code: string; message: string }[]; sameAsRow?: number }[];
  errors: { code: string; message: string }[];
}

const checkJson = async (args: string[], env?: NodeJS.ProcessEnv) => {
  const run = await runCli(['check', ...args, '--json', '--data-dir', tempDir()], env);
  return { ...run, json: JSON.parse(run.stdout) as CheckJson };
};

describe('genvid check', () => {
  it('reads, maps and validates a real workbook, flagging each bad cell (exit 1)', async () => {
    const { code, json, stderr } = await checkJson([fixture('zh-mixed-models.xlsx')]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(json).toMatchObject({ format: 'xlsx', encoding: null, sheet: '新品视频', headerRow: 3, errors: [] });
    expect(json.mapping).toEqual({ prompt: '提示词', model: '模型', resolution: '分辨率', duration: '时长', aspect: '画幅', image: '参考图', name: '文件名', takes: '数量' });
    expect(json.rows[0]).toEqual({
      row: 4,
      fields: { prompt: '不锈钢保温杯在白色背景上缓缓旋转，柔和棚拍光', model: 'kling-3.0', resolution: '1080p', duration: 5, aspect: '9:16', image: null, name: '保温杯', takes: 1 },
      errors: [],
    });
    const problems = json.rows.flatMap((row) => row.errors.map((error) => `${row.row} ${error.field} ${error.code}`));
    expect(problems).toEqual(['7 model model_retired', '8 model unknown_model_suggest', '9 resolution unsupported_value']);
    expect(json.rows.find((row) => row.row === 10)?.sameAsRow).toBe(6);
  });

  it('detects a GBK CSV from Chinese Excel', async () => {
    const { json } = await checkJson([fixture('zh-gbk.csv')]);
    expect(json).toMatchObject({ format: 'csv', encoding: 'gb18030', headerRow: 1 });
    expect(json.rows[0]!.fields.prompt).toBe('一只橘猫在雨中的东京街头奔跑，电影感，慢镜头');
  });

  it('reads with the encoding and sheet asked for', async () => {
    const asUtf8 = await checkJson([fixture('zh-gbk.csv'), '--encoding', 'utf-8']);
    expect(asUtf8.code).toBe(2);
    expect(asUtf8.json.errors[0]!.code).toBe('undecodable');
    const sheet = await checkJson([fixture('two-sheets-first-empty.xlsx'), '--sheet', '说明']);
    expect(sheet.json.sheet).toBe('说明');
    const missing = await checkJson([fixture('two-sheets-first-empty.xlsx'), '--sheet', 'Nope']);
    expect(missing.json.errors[0]!.code).toBe('unknown_sheet');
  });

  it('gives messages in Chinese when asked', async () => {
    const { json } = await checkJson([fixture('zh-mixed-models.xlsx'), '--lang', 'zh-CN']);
    expect(json.rows.find((row) => row.row === 8)!.errors[0]!.message).toContain('您是否想用 kling-3.0');
  });

  it('exits 0 when every row can run, filling blank model cells from --model', async () => {
    const dir = tempDir();
    const sheet = join(dir, 'clean.csv');
    writeFileSync(sheet, 'prompt,model,duration\r\na red fox in snow,,5\r\n一只橘猫,kling-3.0,10\r\n');
    const { code, stdout } = await runCli(['check', sheet, '--model', 'kling-3.0', '--data-dir', dir]);
    expect(stdout).toContain('2 rows: 2 ready, 0 with problems.');
    expect(code).toBe(0);
    const withoutModel = await runCli(['check', sheet, '--data-dir', dir]);
    expect(withoutModel.code).toBe(1);
    expect(withoutModel.stdout).toContain('row 2, model: No model');
  });

  it('refuses a sheet over the limits set in the app\'s settings', async () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'genvid.db'));
    store.settings.writeMany({ importLimits: { maxMegabytes: 50, maxRows: 3 } });
    store.close();
    const { code, stdout } = await runCli(['check', fixture('zh-mixed-models.xlsx'), '--data-dir', dir]);
    expect(code).toBe(2);
    expect(stdout).toContain('Genvid imports up to 3 rows at a time');
    const store2 = openStore(join(dir, 'genvid.db'));
    store2.settings.writeMany({ importLimits: { maxMegabytes: 1, maxRows: 100_000 } });
    store2.close();
    const big = join(dir, 'big.csv');
    writeFileSync(big, `prompt,model\r\n${'a long prompt about a fox in the snow,kling-3.0\r\n'.repeat(30_000)}`);
    const tooBig = await runCli(['check', big, '--data-dir', dir]);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stdout).toBe('genvid check: The file "big.csv" is 1.4 MB; Genvid imports files up to 1 MB. Split it into smaller sheets.\n');
  });

  it.each([
    ['png-renamed.xlsx', 'not_a_spreadsheet', 'is not a spreadsheet (it looks like a PNG image)'],
    ['zip-without-sheet.xlsx', 'not_a_spreadsheet', 'ZIP archive'],
    ['truncated.xlsx', 'damaged_workbook', 'damaged or incomplete'],
    ['empty.csv', 'empty_file', 'is empty'],
    ['zh-header-only.csv', 'no_rows', 'no rows below it'],
    ['empty-workbook.xlsx', 'no_sheet', 'no sheet with any data'],
  ])('refuses %s with a clear message and exit 2', async (name, errorCode, words) => {
    const { code, json, stderr } = await checkJson([fixture(name)]);
    expect(code).toBe(2);
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0]!.code).toBe(errorCode);
    expect(json.errors[0]!.message).toContain(words);
    expect(json.rows).toEqual([]);
    expect(stderr).not.toMatch(/\bat \S+:\d+/);
  });

  it('says so in one line for a missing file, an unknown option or provider, never a stack trace', async () => {
    const missing = await runCli(['check', join(tempDir(), 'nope.xlsx'), '--data-dir', tempDir()]);
    expect(missing.code).toBe(2);
    expect(missing.stdout.trim()).toMatch(/^genvid check: There is no file ".*nope\.xlsx"\.$/);
    for (const args of [['check', fixture('en.tsv'), '--bogus'], ['check', fixture('en.tsv'), '--provider', 'acme'], ['check'], ['frobnicate']]) {
      const run = await runCli([...args, '--data-dir', tempDir()]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')[0]).toMatch(/^genvid: /);
      expect(run.stderr).not.toMatch(/\bat \S+:\d+/);
    }
  });
});
