import { acceleratedClock, type Clock } from '../clock/clock.ts';
import { DEFAULT_SANDBOX_KEY, startSimulator, type RunningSimulator } from '../simulator/server.ts';
import type { Catalog } from './catalog/catalog.ts';
import { createAdapter } from './registry.ts';
import type { ProviderAdapter } from './types.ts';

/** How much faster than real time the Sandbox runs: a 3-minute video appears in 18 seconds. */
export const SANDBOX_SPEED = 10;

/** A prompt containing this is refused by the Sandbox's simulated content policy: a safe way to try failures and re-runs. */
export const SANDBOX_FAIL_MARKER = '#sandbox-fail';

/**
 * The Sandbox provider: the simulator embedded in the app, speaking KIE's API on 127.0.0.1 with its
 * own key, so a first-time user can see the whole flow without a key or any spending. Started on
 * first use.
 */
export class Sandbox {
  private running: Promise<RunningSimulator> | undefined;
  private readonly catalog: Catalog;
  private readonly clock: Clock;
  /** How much faster than the app's clock the simulated provider works. */
  readonly speed: number;

  constructor(catalog: Catalog, clock: Clock, speed = SANDBOX_SPEED) {
    this.catalog = catalog;
    this.clock = clock;
    this.speed = speed;
  }

  /** Where the simulator answers as KIE, and its key; the simulator starts on first use. */
  async connection(): Promise<{ baseUrl: string; apiKey: string }> {
    this.running ??= startSimulator({ catalog: this.catalog, clock: acceleratedClock(this.clock, this.speed), keys: [DEFAULT_SANDBOX_KEY], seed: Date.now() % 2 ** 31, moderationMarker: SANDBOX_FAIL_MARKER });
    return { baseUrl: (await this.running).baseUrls.kie, apiKey: DEFAULT_SANDBOX_KEY };
  }

  async adapter(): Promise<ProviderAdapter> {
    const { baseUrl, apiKey } = await this.connection();
    return createAdapter('kie', { baseUrl, apiKey });
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running) await (await running).close();
  }
}
