/** A poster's state: the still's URL, or `failed` when the video could not be read. */
export type Poster = string | 'failed';

/** Makes the still of one attempt's video (a small JPEG's URL). */
export type CapturePoster = (attemptId: number) => Promise<string>;

/** Captures at once: a video each decodes on its own thread, and two keep a screen filling quickly. */
const PARALLEL = 2;
/** Stills kept (a few KB each); the least recently made that nothing shows go first. */
const MAX_POSTERS = 1_000;

/**
 * Still images of finished videos, for the grid's thumbnails. A live `<video>` per row costs a media
 * pipeline and a compositor layer each, which made scrolling a grid of finished rows stutter; a
 * still costs an `<img>`. Stills are made on demand, newest request first (so after a fast scroll
 * the rows now in view come before the ones scrolled past), a request withdrawn before it starts
 * is dropped, and each still is made once per session.
 */
export class PosterStore {
  private readonly capture: CapturePoster;
  private readonly posters = new Map<number, Poster>();
  private readonly listeners = new Map<number, Set<() => void>>();
  /** Waiting requests, newest last; each is an attempt id and how many want it. */
  private readonly waiting = new Map<number, number>();
  /** Being captured now: asked for again, they are not captured twice (their listeners are told). */
  private readonly capturing = new Set<number>();

  constructor(capture: CapturePoster) {
    this.capture = capture;
  }

  get(attemptId: number): Poster | undefined {
    return this.posters.get(attemptId);
  }

  /** Calls `listener` when this attempt's poster arrives; returns the unsubscribe function. */
  subscribe(attemptId: number, listener: () => void): () => void {
    const set = this.listeners.get(attemptId) ?? new Set();
    set.add(listener);
    this.listeners.set(attemptId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(attemptId);
    };
  }

  /** Asks for this attempt's poster; the returned function withdraws the request if not yet started. */
  request(attemptId: number): () => void {
    if (this.posters.has(attemptId) || this.capturing.has(attemptId)) return () => undefined;
    // Re-inserting moves the request to the newest end.
    const wanted = (this.waiting.get(attemptId) ?? 0) + 1;
    this.waiting.delete(attemptId);
    this.waiting.set(attemptId, wanted);
    this.pump();
    let withdrawn = false;
    return () => {
      if (withdrawn) return;
      withdrawn = true;
      const left = (this.waiting.get(attemptId) ?? 0) - 1;
      if (left > 0) this.waiting.set(attemptId, left);
      else this.waiting.delete(attemptId);
    };
  }

  private pump(): void {
    while (this.capturing.size < PARALLEL && this.waiting.size > 0) {
      const attemptId = [...this.waiting.keys()].at(-1)!;
      this.waiting.delete(attemptId);
      this.capturing.add(attemptId);
      void this.make(attemptId).finally(() => {
        this.capturing.delete(attemptId);
        this.pump();
      });
    }
  }

  private async make(attemptId: number): Promise<void> {
    let poster: Poster;
    try {
      poster = await this.capture(attemptId);
    } catch {
      poster = 'failed';
    }
    this.posters.set(attemptId, poster);
    this.evictUnused();
    for (const listener of this.listeners.get(attemptId) ?? []) listener();
  }

  private evictUnused(): void {
    for (const attemptId of this.posters.keys()) {
      if (this.posters.size <= MAX_POSTERS) return;
      if (!this.listeners.has(attemptId)) this.posters.delete(attemptId);
    }
  }
}
