import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { scaledClock } from '../../../main/clock/clock.ts';
import { openStore } from '../../../main/db/store.ts';
import { startSimulator } from '../../../main/simulator/server.ts';
import { seededRandom } from '../../../main/simulator/random.ts';
import { createsByPrompt, seedRows } from '../../helpers/engineHarness.ts';
import { looksLikeMp4 } from '../../helpers/simulator.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const child = fileURLToPath(new URL('../../support/engineChild.ts', import.meta.url));
const SPEED = 1_000;
const ROWS = 30;
const KILLS = 25;

/**
 * The proof of §3.9 and the exactly-once rule: a process running a batch against the simulator is
 * killed (SIGKILL, no chance to tidy up) at random moments, many times, and restarted each time.
 */
describe('a batch killed at random moments and restarted', () => {
  it('loses no row, creates at most once per video, verifies every file and keeps the books balanced', { timeout: 180_000 }, async () => {
    const dataDir = tempDir('genvid-crash-');
    const outputDir = join(dataDir, 'videos');
    const sim = await startSimulator({ clock: scaledClock(SPEED), keys: ['crash-key'], seed: 11 });
    onTestFinished(() => sim.close());
    const store = openStore(join(dataDir, 'genvid.db'));
    const batchId = seedRows(store, Array.from({ length: ROWS }, (_, i) => ({ resolution: i % 3 === 0 ? '1080p' : '720p', takes: i % 10 === 0 ? 2 : 1 })), 'crash batch');
    store.close();

    const random = seededRandom(2026);
    const runChild = () => spawn(process.execPath, [child, dataDir, sim.baseUrls.kie, 'crash-key', String(batchId), outputDir, String(SPEED)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let kills = 0;
    for (let i = 0; i < KILLS; i++) {
      const proc = runChild();
      const exited = once(proc, 'exit');
      // Let it get going (startup takes ~150 ms), then kill it somewhere in the middle of the work.
      await new Promise((resolve) => setTimeout(resolve, 150 + random() * 400));
      if (proc.exitCode === null) {
        proc.kill('SIGKILL');
        kills++;
      }
      await exited;
    }
    const last = runChild();
    let stderr = '';
    last.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(last, 'exit')) as [number];
    expect(code, stderr).toBe(0);
    expect(kills).toBeGreaterThan(KILLS / 2);

    const check = openStore(join(dataDir, 'genvid.db'));
    onTestFinished(() => check.close());
    const rows = check.jobs.rowsOf(batchId);
    // No row lost: every row is there and finished one way or the other.
    expect(rows).toHaveLength(ROWS);
    for (const row of rows) expect(['done', 'unknown'], `row ${row.rowNumber}`).toContain(row.status);
    // Kills during a create leave rows `unknown` (never guessed, never re-sent); the rest finish.
    expect(rows.filter((row) => row.status === 'done').length).toBeGreaterThan(0);
    for (const row of rows.filter((r) => r.status === 'unknown')) {
      const unknown = check.jobs.attemptsOfRow(row.rowId).filter((a) => a.status === 'unknown');
      expect(unknown.length, `row ${row.rowNumber}`).toBeGreaterThan(0);
      for (const attempt of unknown) expect(check.ledger.forAttempt(attempt.attemptId).held).toBeGreaterThan(0);
    }

    // At most one create per take; exactly as many creates as takes for rows that are done.
    const creates = createsByPrompt(sim);
    for (const row of rows) {
      const made = creates.get(row.prompt) ?? 0;
      if (row.status === 'done') expect(made, `row ${row.rowNumber}`).toBe(row.takes);
      else expect(made, `row ${row.rowNumber}`).toBeLessThanOrEqual(row.takes);
    }

    // Every succeeded attempt's file is there, complete, an MP4, and matches its recorded hash.
    const attempts = check.jobs.attemptsOfBatch(batchId).filter((a) => a.status === 'succeeded');
    // At most one video per take; every take of a done row has one (a row may be unknown with a
    // take already done).
    for (const row of rows) {
      const takes = attempts.filter((a) => a.rowId === row.rowId).map((a) => a.take);
      expect(new Set(takes).size, `row ${row.rowNumber}`).toBe(takes.length);
      if (row.status === 'done') expect(takes.length, `row ${row.rowNumber}`).toBe(row.takes);
    }
    const db = check.jobs;
    for (const attempt of attempts) {
      const bytes = readFileSync(attempt.filePath!);
      expect(looksLikeMp4(bytes), attempt.filePath!).toBe(true);
      const recorded = db.attempt(attempt.attemptId)!;
      expect(recorded.filePath).toBe(attempt.filePath);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(fileHash(check, attempt.attemptId));
    }
    // No half file ever reached the output folder.
    const published = readdirSync(outputDir).filter((name) => name.endsWith('.mp4'));
    expect(published).toHaveLength(attempts.length);
    expect(existsSync(join(outputDir, '.genvid-partial')) ? readdirSync(join(outputDir, '.genvid-partial')).filter((n) => n.endsWith('.part')).length : 0).toBe(0);

    expect(check.ledger.violations()).toEqual([]);
  });
});

function fileHash(store: ReturnType<typeof openStore>, attemptId: number): string {
  return store.jobs.fileOf(attemptId)!.sha256;
}
