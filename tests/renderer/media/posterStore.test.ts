import { describe, expect, it } from 'vitest';
import { PosterStore } from '../../../renderer/media/posterStore.ts';

/** A capture whose answers the test gives by hand, recording the order it was asked in. */
function manualCapture() {
  const asked: number[] = [];
  const pending = new Map<number, { resolve: (url: string) => void; reject: (error: Error) => void }>();
  return {
    asked,
    capture: (attemptId: number) =>
      new Promise<string>((resolve, reject) => {
        asked.push(attemptId);
        pending.set(attemptId, { resolve, reject });
      }),
    finish: async (attemptId: number) => {
      pending.get(attemptId)!.resolve(`data:image/jpeg;base64,${attemptId}`);
      await new Promise((resolve) => setImmediate(resolve));
    },
    fail: async (attemptId: number) => {
      pending.get(attemptId)!.reject(new Error('no picture'));
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}


describe('PosterStore', () => {
  it('makes two stills at a time, the newest requests first, and tells whoever waits', async () => {
    const capture = manualCapture();
    const store = new PosterStore(capture.capture);
    const told: number[] = [];
    for (const id of [1, 2, 3, 4, 5]) {
      store.subscribe(id, () => told.push(id));
      store.request(id);
    }
    // 1 and 2 started at once; of the three waiting, the newest (5) goes next.
    expect(capture.asked).toEqual([1, 2]);
    await capture.finish(1);
    expect(capture.asked).toEqual([1, 2, 5]);
    expect(told).toEqual([1]);
    expect(store.get(1)).toBe('data:image/jpeg;base64,1');
    expect(store.get(2)).toBeUndefined();
  });

  it('drops a request withdrawn before it starts, but keeps it while another component still wants it', async () => {
    const capture = manualCapture();
    const store = new PosterStore(capture.capture);
    store.request(1);
    store.request(2);
    const withdrawThree = store.request(3);
    const withdrawFour = store.request(4);
    store.request(4);
    withdrawThree();
    withdrawFour();
    await capture.finish(1);
    await capture.finish(2);
    expect(capture.asked).toEqual([1, 2, 4]);
  });

  it('does not capture a still again that is being captured when it is asked for again', async () => {
    const capture = manualCapture();
    const store = new PosterStore(capture.capture);
    const told: string[] = [];
    store.subscribe(1, () => told.push('shown'));
    const withdraw = store.request(1);
    withdraw();
    // Scrolled out and back in while the capture runs.
    store.request(1);
    await capture.finish(1);
    expect(capture.asked).toEqual([1]);
    expect(told).toEqual(['shown']);
  });

  it('remembers a video it could not read, and never asks for the same still twice', async () => {
    const capture = manualCapture();
    const store = new PosterStore(capture.capture);
    store.request(7);
    await capture.fail(7);
    expect(store.get(7)).toBe('failed');
    store.request(7);
    expect(capture.asked).toEqual([7]);
  });

  it('forgets the oldest stills nothing shows once it holds a thousand', async () => {
    const capture = manualCapture();
    const store = new PosterStore(capture.capture);
    store.subscribe(0, () => undefined);
    for (let id = 0; id <= 1_000; id += 1) {
      store.request(id);
      await capture.finish(id);
    }
    // 1,001 stills: the first is on screen, so the second goes instead.
    expect(store.get(0)).toBe('data:image/jpeg;base64,0');
    expect(store.get(1)).toBeUndefined();
    expect(store.get(2)).toBe('data:image/jpeg;base64,2');
    expect(store.get(1_000)).toBe('data:image/jpeg;base64,1000');
  });
});
