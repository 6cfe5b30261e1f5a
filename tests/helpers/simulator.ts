import { onTestFinished } from 'vitest';
import { ManualClock } from '../../main/clock/clock.ts';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../main/simulator/server.ts';

export const SIM_KEY = 'test-key';

/** A simulator on a manual clock (time moves only when the test says), closed when the test ends. */
export async function testSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator & { clock: ManualClock }> {
  const clock = new ManualClock();
  const simulator = await startSimulator({ keys: [SIM_KEY], clock, ...options });
  onTestFinished(() => simulator.close());
  return Object.assign(simulator, { clock });
}

/** Long enough for any catalog model to finish generating. */
export const PAST_ANY_GENERATION_MS = 60 * 60_000;

export async function readStream(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** An MP4 starts with a box whose type (bytes 4–8) is `ftyp`. */
export function looksLikeMp4(bytes: Buffer): boolean {
  return bytes.length > 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp';
}
