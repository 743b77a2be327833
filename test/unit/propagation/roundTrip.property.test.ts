import fc from 'fast-check';
import {
  formatB3Multi,
  formatB3Single,
  formatBaggage,
  formatJaeger,
  formatJaegerBaggage,
  formatTraceparent,
  formatTracestate,
  parseB3Multi,
  parseB3Single,
  parseBaggage,
  parseJaeger,
  parseJaegerBaggage,
  parseTraceparent,
  parseTracestate,
} from 'tracespec/propagation';
import { expect, test } from 'vitest';
import {
  b3MultiContext,
  b3SingleContext,
  baggage,
  jaegerBaggage,
  jaegerContext,
  traceParent,
  traceState,
} from './arbitraries.ts';

const roundTrips = <T, H>(arbitrary: fc.Arbitrary<T>, format: (value: T) => H, parse: (header: H) => unknown) =>
  fc.assert(
    fc.property(arbitrary, (value) => {
      expect(parse(format(value))).toEqual({ valid: true, value });
    }),
  );

test('traceparent: format then parse gives the context back', () => {
  roundTrips(traceParent, formatTraceparent, parseTraceparent);
});

test('tracestate: format then parse gives the members back', () => {
  roundTrips(traceState, formatTracestate, parseTracestate);
});

test('baggage: format then parse gives the members back, any text in values', () => {
  roundTrips(baggage, formatBaggage, parseBaggage);
});

test('b3 single header: format then parse gives the context back', () => {
  roundTrips(b3SingleContext, formatB3Single, parseB3Single);
});

test('b3 multi-header: format then parse gives the context back', () => {
  roundTrips(b3MultiContext, formatB3Multi, parseB3Multi);
});

test('uber-trace-id: format then parse gives the context back', () => {
  roundTrips(jaegerContext, formatJaeger, parseJaeger);
});

test('uberctx-* baggage: format then parse gives the entries back', () => {
  roundTrips(jaegerBaggage, formatJaegerBaggage, parseJaegerBaggage);
});
