import type { EventPayload } from '../../shared/contract/events.ts';
import type { EventName } from '../../shared/contract/names.ts';

export type EventMessage = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
export type EventListener = (message: EventMessage) => void;

/** Fans main's events out to every connected transport (Electron windows, WebSocket clients). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const message = { name, payload } as EventMessage;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // One broken transport (a closed window, a dead socket) must not stop the others.
      }
    }
  }
}
