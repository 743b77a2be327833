import type { B3MultiHeaders } from './B3MultiHeaders.ts';
import type { CarriedContext } from './CarriedContext.ts';
import { parseB3Multi } from './parseB3Multi.ts';
import { parseB3Single } from './parseB3Single.ts';
import { parseBaggage } from './parseBaggage.ts';
import { parseJaeger } from './parseJaeger.ts';
import { JAEGER_BAGGAGE_PREFIX, parseJaegerBaggage } from './parseJaegerBaggage.ts';
import { parseTraceparent } from './parseTraceparent.ts';
import { parseTracestate } from './parseTracestate.ts';

/**
 * Parses every propagation header of a request. Header names may be in any case; a header sent twice arrives
 * joined by ", " (as the Fetch `Headers` class joins them), so a duplicated `traceparent` is reported as such.
 *
 * @example
 * const carried = readCarriedContext({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
 * carried.traceparent; // { valid: true, value: { traceId: '4bf9…', … } }
 * carried.b3; // undefined: not sent
 */
export function readCarriedContext(headers: Readonly<Record<string, string>>): CarriedContext {
  const lower: Readonly<Record<string, string>> = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const b3multi: B3MultiHeaders = {
    'x-b3-traceid': lower['x-b3-traceid'],
    'x-b3-spanid': lower['x-b3-spanid'],
    'x-b3-parentspanid': lower['x-b3-parentspanid'],
    'x-b3-sampled': lower['x-b3-sampled'],
    'x-b3-flags': lower['x-b3-flags'],
  };
  const { traceparent, tracestate, baggage, b3 } = lower;
  const jaeger = lower['uber-trace-id'];
  const hasJaegerBaggage = Object.keys(lower).some((name) => name.startsWith(JAEGER_BAGGAGE_PREFIX));
  return {
    ...(traceparent === undefined ? {} : { traceparent: parseTraceparent(traceparent.split(',')) }),
    ...(tracestate === undefined ? {} : { tracestate: parseTracestate(tracestate) }),
    ...(baggage === undefined ? {} : { baggage: parseBaggage(baggage) }),
    ...(b3 === undefined ? {} : { b3: parseB3Single(b3) }),
    ...(Object.values(b3multi).every((v) => v === undefined) ? {} : { b3multi: parseB3Multi(b3multi) }),
    ...(jaeger === undefined ? {} : { jaeger: parseJaeger(jaeger) }),
    ...(hasJaegerBaggage ? { jaegerBaggage: parseJaegerBaggage(lower) } : {}),
  };
}
