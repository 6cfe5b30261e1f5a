// The spreadsheet benchmark: `npm run bench:sheets [-- --rows N] [-- --json FILE]`.
// Generates a 100,000-row CSV and XLSX (mixed Chinese and English prompts, a few bad rows), then
// times reading + mapping + validating each in the worker thread the app uses, and measures the
// longest stall of this (the main) thread meanwhile: a 1 ms ticker's largest gap. Writing the rows
// into SQLite (in chunks) is timed separately.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import * as XLSX from 'xlsx';
import { openStore } from '../../main/db/store.ts';
import { loadCatalog } from '../../main/providers/catalog/loadCatalog.ts';
import { importInspection } from '../../main/sheets/importRows.ts';
import { inspectInWorker } from '../../main/sheets/inspectInWorker.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, json: { type: 'string' }, measure: { type: 'string' } } });
const run = promisify(execFile);
const rowCount = Number(values.rows);

function sheetRows(count: number): string[][] {
  const models = ['kling-3.0', '可灵 3.0', 'veo-3.1-fast', 'seedance-2', 'Seedance 2', 'wan-2.7'];
  const rows = [['提示词', '模型', '分辨率', '时长', '比例', '参考图', '文件名', '数量']];
  for (let i = 1; i <= count; i += 1) {
    const prompt = i % 2 === 0 ? `第 ${i} 号产品在木桌上缓缓旋转，柔和的晨光，电影感` : `Product ${i} turning slowly on an oak table, soft morning light`;
    // One row in a hundred has a mistake: a mistyped model.
    const model = i % 100 === 0 ? 'klingg-3.0' : models[i % models.length]!;
    rows.push([prompt, model, i % 3 === 0 ? '720p' : '1080p', String(i % 2 === 0 ? 8 : 6), i % 4 === 0 ? '9:16' : '16:9', i % 10 === 0 ? `https://cdn.example.com/p/${i}.jpg` : '', `item-${i}`, '1']);
  }
  return rows;
}

/** Runs `work` while a 1 ms ticker records the longest gap between its ticks on this thread. */
async function measureStall<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; stallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(ticker);
  longest = Math.max(longest, performance.now() - last);
  return { result, ms, stallMs: longest };
}

/** Inspects and imports one file, in this (fresh) process, and prints its figures as JSON. */
async function measure(file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'genvid-sheets-measure-'));
  try {
    const { catalog } = loadCatalog();
    const bytes = readFileSync(file);
    const megabytes = Math.round((bytes.length / 1024 / 1024) * 10) / 10;
    const inspected = await measureStall(() => inspectInWorker({ bytes, fileName: file, provider: 'kie', templates: {}, catalogEntries: [...catalog.entries] }));
    if (!inspected.result.ok) throw new Error(`benchmark sheet unreadable: ${inspected.result.error.code}`);
    const { inspection } = inspected.result;
    const store = openStore(join(dir, 'genvid.db'));
    const imported = await measureStall(() => importInspection(store, inspection, { name: 'bench', file }));
    store.close();
    return {
      format: file.endsWith('.csv') ? 'csv' : 'xlsx',
      rows: inspection.rowCount,
      megabytes,
      inspectMs: Math.round(inspected.ms),
      inspectStallMs: Math.round(inspected.stallMs * 10) / 10,
      rowsWithProblems: imported.result.rowsWithIssues,
      importMs: Math.round(imported.ms),
      importStallMs: Math.round(imported.stallMs * 10) / 10,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values.measure) {
  process.stdout.write(`${JSON.stringify(await measure(values.measure))}\n`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'genvid-sheets-bench-'));
  try {
    const rows = sheetRows(rowCount);
    const csvFile = join(dir, 'bench.csv');
    writeFileSync(csvFile, `\uFEFF${rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n')}\r\n`);
    const xlsxFile = join(dir, 'bench.xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Prompts');
    writeFileSync(xlsxFile, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const results = [];
    console.log('file | rows | MB | parse+map+validate ms (worker) | longest main-thread stall ms | rows with problems | SQLite import ms | its longest stall ms');
    for (const file of [csvFile, xlsxFile]) {
      // Each file in a fresh process, so generating the sheets leaves no garbage to collect meanwhile.
      const { stdout } = await run(process.execPath, [fileURLToPath(import.meta.url), '--measure', file]);
      const result = JSON.parse(stdout.trim()) as Awaited<ReturnType<typeof measure>>;
      results.push(result);
      console.log([result.format, result.rows, result.megabytes, result.inspectMs, result.inspectStallMs, result.rowsWithProblems, result.importMs, result.importStallMs].join(' | '));
    }
    if (values.json) writeFileSync(values.json, `${JSON.stringify({ generatedAt: new Date().toISOString(), results }, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
