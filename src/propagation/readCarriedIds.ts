import type { CarriedContext } from './CarriedContext.ts';
import type { CarriedIds } from './CarriedIds.ts';
import { invalid, ok, type ParseResult } from './ParseResult.ts';
import { FORMAT_HEADERS, type PropagationFormat } from './PropagationFormat.ts';

/**
 * Reads the ids one format carries, or undefined when its header was not sent. A malformed header, or a B3
 * header with a sampling decision and no ids, is invalid with the reason.
 *
 * @example
 * const ids = readCarriedIds(readCarriedContext(headers), 'w3c');
 * if (ids?.valid) console.log(ids.value.traceId, ids.value.parentSpanId);
 */
export function readCarriedIds(
  carried: CarriedContext,
  format: PropagationFormat,
): ParseResult<CarriedIds> | undefined {
  switch (format) {
    case 'w3c': {
      const header = carried.traceparent;
      if (!header?.valid) return header;
      const { traceId, parentId, sampled } = header.value;
      return ok({ format, traceId, parentSpanId: parentId, sampled });
    }
    case 'jaeger': {
      const header = carried.jaeger;
      if (!header?.valid) return header;
      const { traceId, spanId, sampled } = header.value;
      return ok({ format, traceId, parentSpanId: spanId, sampled });
    }
    case 'b3':
    case 'b3multi': {
      const header = carried[format];
      if (!header?.valid) return header;
      const { traceId, spanId, sampling } = header.value;
      if (!traceId || !spanId) {
        return invalid(`${FORMAT_HEADERS[format]} carries only a sampling decision (${sampling}), no trace id`);
      }
      const sampled = sampling === undefined ? undefined : sampling !== 'deny';
      return ok({ format, traceId, parentSpanId: spanId, ...(sampled === undefined ? {} : { sampled }) });
    }
  }
}
