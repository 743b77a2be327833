// fast-check arbitraries producing valid propagation contexts, shared by the round-trip properties.

import fc from 'fast-check';
import type { B3Context, Baggage, JaegerContext, TraceParent, TraceState } from 'tracespec/propagation';

const chars = (alphabet: string) => fc.constantFrom(...alphabet);

/** Lower-case hex of exactly `length` characters, not all zeros. */
export const hexId = (length: number) =>
  fc.string({ unit: chars('0123456789abcdef'), minLength: length, maxLength: length }).filter((id) => /[^0]/.test(id));

export const traceId = hexId(32);
export const spanId = hexId(16);

export const traceParent: fc.Arbitrary<TraceParent> = fc
  .record({
    version: fc.string({ unit: chars('0123456789abcdef'), minLength: 2, maxLength: 2 }).filter((v) => v !== 'ff'),
    traceId,
    parentId: spanId,
    traceFlags: fc.integer({ min: 0, max: 255 }),
  })
  .map((parent) => ({ ...parent, sampled: (parent.traceFlags & 1) === 1 }));

const KEY_REST = 'abcdefghijklmnopqrstuvwxyz0123456789_-*/';
const lcalpha = chars('abcdefghijklmnopqrstuvwxyz');
const simpleKey = fc
  .tuple(lcalpha, fc.string({ unit: chars(KEY_REST), maxLength: 20 }))
  .map(([first, rest]) => first + rest);
const tenantKey = fc
  .tuple(
    fc.string({ unit: chars(KEY_REST.replace('_-*/', '')), minLength: 1, maxLength: 1 }),
    fc.string({ unit: chars(KEY_REST), maxLength: 10 }),
    lcalpha,
    fc.string({ unit: chars(KEY_REST), maxLength: 13 }),
  )
  .map(([first, rest, systemFirst, systemRest]) => `${first}${rest}@${systemFirst}${systemRest}`);
const VALUE_CHARS = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i))
  .filter((c) => c !== ',' && c !== '=')
  .join('');
const tracestateValue = fc
  .tuple(fc.string({ unit: chars(VALUE_CHARS), maxLength: 30 }), chars(VALUE_CHARS.slice(1)))
  .map(([rest, last]) => (rest + last).trimStart() || last);

export const traceState: fc.Arbitrary<TraceState> = fc
  .uniqueArray(fc.record({ key: fc.oneof(simpleKey, tenantKey), value: tracestateValue }), {
    selector: (member) => member.key,
    maxLength: 32,
  })
  .filter((members) => members.every((m) => m.value.trim() === m.value));

const token = fc.string({
  unit: chars("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
  minLength: 1,
  maxLength: 12,
});
const anyText = fc.string({ unit: 'binary', maxLength: 16 });

// Keys are percent-encoded on the wire like values, so any text is a key.
const baggageKey = fc.oneof(token, fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }));

export const baggage: fc.Arbitrary<Baggage> = fc.array(
  fc.record({
    key: baggageKey,
    value: anyText,
    properties: fc.array(fc.oneof(fc.record({ key: token }), fc.record({ key: token, value: anyText })), {
      maxLength: 3,
    }),
  }),
  { maxLength: 8 },
);

const sampling = fc.constantFrom('accept' as const, 'deny' as const, 'debug' as const);

/** A B3 context the single header can express: a parent only after a sampling state. */
export const b3SingleContext: fc.Arbitrary<B3Context> = fc.oneof(
  fc.record({ sampling }),
  fc.record({ traceId, spanId }),
  fc.record({ traceId, spanId, sampling }),
  fc.record({ traceId, spanId, sampling, parentSpanId: spanId }),
);

/** A B3 context the multi-header form can express: ids together, a parent only with ids. */
export const b3MultiContext: fc.Arbitrary<B3Context> = fc.oneof(
  fc.record({ sampling }),
  fc.record({ traceId, spanId, sampling, parentSpanId: spanId }, { requiredKeys: ['traceId', 'spanId'] }),
);

export const jaegerContext: fc.Arbitrary<JaegerContext> = fc
  .record(
    { traceId, spanId, parentSpanId: spanId, flags: fc.integer({ min: 0, max: 255 }) },
    { requiredKeys: ['traceId', 'spanId', 'flags'] },
  )
  .map((context) => ({ ...context, sampled: (context.flags & 1) === 1, debug: (context.flags & 2) === 2 }));

export const jaegerBaggage: fc.Arbitrary<Readonly<Record<string, string>>> = fc.dictionary(
  fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 1, maxLength: 12 }),
  anyText,
  { maxKeys: 6 },
);
