import { formatB3Multi } from '../../propagation/formatB3Multi.ts';
import { formatB3Single } from '../../propagation/formatB3Single.ts';
import { formatJaeger } from '../../propagation/formatJaeger.ts';
import { formatTraceparent } from '../../propagation/formatTraceparent.ts';
import type { PropagationFormat } from '../../propagation/PropagationFormat.ts';

/** The ids the right header would carry; unknown ids are shown as a placeholder. */
export interface RightIds {
  readonly traceId?: string;
  readonly parentSpanId?: string;
  readonly sampled: boolean;
}

/**
 * The header lines a request should have carried, for failure messages.
 *
 * @example
 * rightTraceHeader('b3', { traceId: '4bf9…', parentSpanId: '00f0…', sampled: true });
 * // ['b3: 4bf9…-00f0…-1']
 */
export function rightTraceHeader(format: PropagationFormat, ids: RightIds): string[] {
  const traceId = ids.traceId ?? '<test trace id>';
  const spanId = ids.parentSpanId ?? '<CLIENT span id>';
  const sampling = ids.sampled ? 'accept' : 'deny';
  switch (format) {
    case 'w3c':
      return [`traceparent: ${formatTraceparent({ traceId, parentId: spanId, sampled: ids.sampled })}`];
    case 'b3':
      return [`b3: ${formatB3Single({ traceId, spanId, sampling })}`];
    case 'b3multi':
      return Object.entries(formatB3Multi({ traceId, spanId, sampling })).map(([name, value]) => `${name}: ${value}`);
    case 'jaeger':
      return [`uber-trace-id: ${formatJaeger({ traceId, spanId, sampled: ids.sampled })}`];
  }
}
