import type { CallInput, CallOutput } from './calls.ts';
import type { CallResult } from './errors.ts';
import type { CallName, EventName, SubscribeName } from './names.ts';
import type { EventPayload } from './events.ts';

export type Unsubscribe = () => void;

/** Calls without input take no argument; the rest take their input object. */
type CallArgs<K extends CallName> = CallInput<K> extends void ? [] : [input: CallInput<K>];

type Subscriptions = {
  [E in EventName as SubscribeName<E>]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

/**
 * The API as a transport delivers it: one function per call, resolving to a result envelope, and
 * one subscribe function per event. The Electron preload and the browser-mode WebSocket client
 * both `satisfies` this type, so the two transports cannot drift apart.
 */
export type GenvidBridge = {
  [K in CallName]: (...args: CallArgs<K>) => Promise<CallResult<CallOutput<K>>>;
} & Subscriptions;

/** The API as the renderer uses it: calls resolve to their output and reject with ApiCallError. */
export type GenvidApi = {
  [K in CallName]: (...args: CallArgs<K>) => Promise<CallOutput<K>>;
} & Subscriptions;
