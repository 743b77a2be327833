import type { OutboundRequest } from '../check/outbound/OutboundRequest.ts';
import type { MswServerLike, RequestStartEvent } from './MswServerLike.ts';
import { toOutboundRequest } from './toOutboundRequest.ts';

/**
 * Records every request an msw server sees, with the trace context it carries. Create it with
 * {@link recordOutbound}; `detach()` (or `using`) stops recording.
 *
 * @example
 * using outbound = recordOutbound(server);
 * await callService();
 * expect(outbound).toHaveSentRequest('http://api.example.test/users');
 */
export class OutboundRecorder implements Disposable {
  readonly #server: MswServerLike;
  readonly #requests: OutboundRequest[] = [];
  readonly #listener = ({ requestId, request }: RequestStartEvent): void => {
    this.#requests.push(toOutboundRequest(requestId, request));
  };
  #attached = true;

  constructor(server: MswServerLike) {
    this.#server = server;
    server.events.on('request:start', this.#listener);
  }

  /** The requests recorded so far, in the order msw received them. */
  get requests(): readonly OutboundRequest[] {
    return [...this.#requests];
  }

  /** The last request recorded, or undefined before the first. */
  get last(): OutboundRequest | undefined {
    return this.#requests.at(-1);
  }

  /** Forgets the requests recorded so far (between tests). */
  clear(): void {
    this.#requests.length = 0;
  }

  /** Stops recording; the requests already recorded stay readable. */
  detach(): void {
    if (!this.#attached) return;
    this.#attached = false;
    this.#server.events.removeListener('request:start', this.#listener);
  }

  [Symbol.dispose](): void {
    this.detach();
  }
}
