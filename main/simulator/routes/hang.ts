import type { ServerResponse } from 'node:http';
import type { SimRequest } from '../httpKit.ts';

/** Leaves a request unanswered (a hung provider); the server ends such requests when it closes. */
export type Hang = (req: SimRequest) => void;

export function hangKeeper(): { hang: Hang; releaseAll(): void } {
  const hanging = new Set<ServerResponse>();
  return {
    hang(req) {
      hanging.add(req.res);
      req.res.on('close', () => hanging.delete(req.res));
    },
    releaseAll() {
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
  };
}
