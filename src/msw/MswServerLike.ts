/**
 * The part of an msw `request:start` event tracespec reads.
 *
 * @example
 * server.events.on('request:start', ({ requestId, request }: RequestStartEvent) => console.log(requestId, request.url));
 */
export interface RequestStartEvent {
  readonly requestId: string;
  readonly request: Request;
}

/**
 * The part of an msw 3 server (`setupServer()`) the recorder needs: its life-cycle events.
 *
 * @example
 * const server: MswServerLike = setupServer(...handlers);
 */
export interface MswServerLike {
  readonly events: {
    on(type: 'request:start', listener: (event: RequestStartEvent) => void): unknown;
    removeListener(type: 'request:start', listener: (event: RequestStartEvent) => void): void;
  };
}
