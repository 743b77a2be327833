import type { MswServerLike } from './MswServerLike.ts';
import { OutboundRecorder } from './OutboundRecorder.ts';

/**
 * Starts recording the outbound requests an msw 3 server intercepts, through its `request:start` life-cycle
 * event. Call it before the code under test sends anything; give the server `onUnhandledFrame: 'error'` so no
 * request leaves the process unseen.
 *
 * @example
 * const server = setupServer(http.get('http://api.example.test/*', () => HttpResponse.json({})));
 * server.listen({ onUnhandledFrame: 'error' });
 * const outbound = recordOutbound(server);
 */
export function recordOutbound(server: MswServerLike): OutboundRecorder {
  return new OutboundRecorder(server);
}
