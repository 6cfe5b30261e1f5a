import type { GenvidBridge } from '../../shared/contract/api.ts';
import { assembleBridge } from '../../shared/contract/assembleBridge.ts';
import type { CallResult } from '../../shared/contract/errors.ts';
import type { CallName, EventName, SubscribeName } from '../../shared/contract/names.ts';

type Pending = (result: CallResult<unknown>) => void;

const disconnected: CallResult<never> = {
  ok: false,
  error: { code: 'disconnected', message: 'The connection to the Genvid engine was lost.' },
};

/**
 * Browser mode's transport: the contract over the loopback WebSocket that `npm run web` serves.
 * Resolves once the socket is open; rejects if the engine refuses the page (bad token or origin).
 */
export function connectWsBridge(url: string): Promise<GenvidBridge> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const pending = new Map<number, Pending>();
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    let nextId = 1;
    let open = false;

    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as
        | { id: number; result: CallResult<unknown> }
        | { event: string; payload: unknown };
      if ('id' in message) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      }
    });
    socket.addEventListener('close', () => {
      for (const settle of pending.values()) settle(disconnected);
      pending.clear();
      if (!open) reject(new Error(`The Genvid engine refused the connection to ${new URL(url).host}.`));
    });

    function call<K extends CallName>(name: K): GenvidBridge[K] {
      return ((input?: unknown) =>
        new Promise<CallResult<unknown>>((settle) => {
          if (socket.readyState !== WebSocket.OPEN) return settle(disconnected);
          const id = nextId++;
          pending.set(id, settle);
          socket.send(JSON.stringify({ id, call: name, input }));
        })) as GenvidBridge[K];
    }

    function subscription<E extends EventName>(name: E): GenvidBridge[SubscribeName<E>] {
      return ((listener: (payload: unknown) => void) => {
        const forEvent = listeners.get(name) ?? new Set();
        forEvent.add(listener);
        listeners.set(name, forEvent);
        return () => {
          forEvent.delete(listener);
        };
      }) as GenvidBridge[SubscribeName<E>];
    }

    const bridge = assembleBridge(call, subscription) satisfies GenvidBridge;

    socket.addEventListener('open', () => {
      open = true;
      resolve(bridge);
    });
  });
}
