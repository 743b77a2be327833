import {
  type Context,
  isSpanContextValid,
  propagation,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { formatJaegerBaggage } from './formatJaegerBaggage.ts';
import { parseJaeger } from './parseJaeger.ts';
import { JAEGER_BAGGAGE_PREFIX, parseJaegerBaggage } from './parseJaegerBaggage.ts';

const TRACE_HEADER = 'uber-trace-id';

/**
 * An OpenTelemetry `TextMapPropagator` for Jaeger's `uber-trace-id` and `uberctx-*` baggage headers, built on
 * tracespec's own codecs. `@opentelemetry/propagator-jaeger` stops at the 2.x line (API < 1.10); this one works
 * with every API 1.x, so a service on today's SDK can still talk to services with Jaeger clients.
 * `tracespec/service` uses it for `OTEL_PROPAGATORS=jaeger`.
 *
 * @example
 * import { propagation } from '@opentelemetry/api';
 * propagation.setGlobalPropagator(new JaegerPropagator());
 */
export class JaegerPropagator implements TextMapPropagator {
  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    const span = trace.getSpanContext(context);
    if (span && isSpanContextValid(span)) {
      // The flags byte as two hex digits, as OpenTelemetry's and Jaeger's own clients write it.
      const flags = (span.traceFlags & TraceFlags.SAMPLED).toString(16).padStart(2, '0');
      setter.set(carrier, TRACE_HEADER, `${span.traceId}:${span.spanId}:0:${flags}`);
    }
    const baggage = propagation.getBaggage(context);
    if (!baggage) return;
    const entries = Object.fromEntries(baggage.getAllEntries().map(([key, entry]) => [key, entry.value]));
    for (const [name, value] of Object.entries(formatJaegerBaggage(entries))) setter.set(carrier, name, value);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    let result = context;
    const header = first(getter.get(carrier, TRACE_HEADER));
    if (header !== undefined) {
      const parsed = parseJaeger(header);
      if (parsed.valid) {
        result = trace.setSpanContext(result, {
          traceId: parsed.value.traceId,
          spanId: parsed.value.spanId,
          // Jaeger's debug flag implies sampled; OpenTelemetry only knows sampled.
          traceFlags: parsed.value.sampled || parsed.value.debug ? TraceFlags.SAMPLED : TraceFlags.NONE,
          isRemote: true,
        });
      }
    }
    const headers: Record<string, string> = {};
    for (const name of getter.keys(carrier)) {
      const lower = name.toLowerCase();
      if (!lower.startsWith(JAEGER_BAGGAGE_PREFIX)) continue;
      const value = first(getter.get(carrier, name));
      if (value !== undefined) headers[lower] = value;
    }
    const parsed = parseJaegerBaggage(headers);
    if (!parsed.valid || Object.keys(parsed.value).length === 0) return result;
    const existing = propagation.getBaggage(result);
    const entries = Object.fromEntries(Object.entries(parsed.value).map(([key, value]) => [key, { value }]));
    const baggage = existing
      ? Object.entries(entries).reduce((current, [key, entry]) => current.setEntry(key, entry), existing)
      : propagation.createBaggage(entries);
    return propagation.setBaggage(result, baggage);
  }

  fields(): string[] {
    return [TRACE_HEADER];
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
