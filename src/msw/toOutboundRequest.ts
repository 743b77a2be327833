import { trace } from '@opentelemetry/api';
import { currentScope } from '../capture/testScope.ts';
import type { OutboundRequest } from '../check/outbound/OutboundRequest.ts';
import { readCarriedContext } from '../propagation/readCarriedContext.ts';

/**
 * Turns a Fetch `Request` into an {@link OutboundRequest}, reading the current span from the active
 * OpenTelemetry context (msw emits its life-cycle events in the async context of the request).
 *
 * @example
 * server.events.on('request:start', ({ request, requestId }) => record(toOutboundRequest(requestId, request)));
 */
export function toOutboundRequest(id: string, request: Request): OutboundRequest {
  const headers: Readonly<Record<string, string>> = Object.fromEntries(
    [...request.headers].map(([name, value]) => [name.toLowerCase(), value]),
  );
  const current = trace.getActiveSpan()?.spanContext();
  const url = new URL(request.url);
  const scope = currentScope();
  return {
    id,
    method: request.method,
    url: request.url,
    host: url.host,
    headers,
    context: readCarriedContext(headers),
    ...(current && trace.isSpanContextValid(current)
      ? { currentSpan: { traceId: current.traceId, spanId: current.spanId } }
      : {}),
    ...(scope === undefined ? {} : { scope }),
    sentAt: Date.now(),
  };
}
