import fc from 'fast-check';
import protobuf from 'protobufjs/minimal.js';
import { spanIdOf, traceIdOf } from './encodeOtlp.ts';

/** An OTLP `AnyValue` in its JSON mapping (what both encoders below start from). */
export type JsonAnyValue =
  | { readonly stringValue: string }
  | { readonly intValue: number }
  | { readonly boolValue: boolean }
  | { readonly doubleValue: number }
  | { readonly arrayValue: { readonly values: readonly JsonAnyValue[] } }
  | { readonly kvlistValue: { readonly values: readonly JsonKeyValue[] } };

export interface JsonKeyValue {
  readonly key: string;
  readonly value: JsonAnyValue;
}

/** A span with attributes (nested values included) and events, for fuzzing. */
export interface RichSpan {
  readonly n: number;
  readonly name: string;
  readonly attributes: readonly JsonKeyValue[];
  readonly events: readonly { readonly name: string; readonly attributes: readonly JsonKeyValue[] }[];
}

const scalar: fc.Arbitrary<JsonAnyValue> = fc.oneof(
  fc.string({ maxLength: 8 }).map((stringValue) => ({ stringValue })),
  fc.integer().map((intValue) => ({ intValue })),
  fc.boolean().map((boolValue) => ({ boolValue })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((doubleValue) => ({ doubleValue })),
);
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'k'));

/** Small trees of arrays and maps. */
const tree = fc.letrec<{ value: JsonAnyValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }).map((values) => ({ arrayValue: { values } })),
    fc.array(fc.record({ key, value: tie('value') }), { maxLength: 3 }).map((values) => ({ kvlistValue: { values } })),
  ),
})).value;

/** A chain of arrays and maps up to 40 deep: around the collector's limit of 32. */
const chain: fc.Arbitrary<JsonAnyValue> = fc
  .tuple(fc.array(fc.boolean(), { maxLength: 40 }), scalar)
  .map(([levels, leaf]) =>
    levels.reduce<JsonAnyValue>(
      (inner, isMap) =>
        isMap ? { kvlistValue: { values: [{ key: 'k', value: inner }] } } : { arrayValue: { values: [inner] } },
      leaf,
    ),
  );

const attributes = fc.array(fc.record({ key, value: fc.oneof(scalar, tree, chain) }), { maxLength: 4 });

/** Valid spans (distinct ids) with attributes and events. */
export const richSpans: fc.Arbitrary<readonly RichSpan[]> = fc.uniqueArray(
  fc.record({
    n: fc.integer({ min: 1, max: 1e9 }),
    name: fc.string({ maxLength: 12 }),
    attributes,
    events: fc.array(fc.record({ name: fc.string({ maxLength: 6 }), attributes }), { maxLength: 2 }),
  }),
  { minLength: 1, maxLength: 4, selector: (span) => span.n },
);

/** The spans as an OTLP/JSON request. */
export function richOtlpJson(spans: readonly RichSpan[]): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'fuzz' } }] },
        scopeSpans: [
          {
            scope: { name: 'fuzz' },
            spans: spans.map((span) => ({
              traceId: traceIdOf(span.n),
              spanId: spanIdOf(span.n),
              name: span.name,
              kind: 2,
              startTimeUnixNano: '1700000000000000000',
              endTimeUnixNano: '1700000000001000000',
              attributes: span.attributes,
              events: span.events.map((event) => ({ timeUnixNano: '1700000000000500000', ...event })),
            })),
          },
        ],
      },
    ],
  });
}

/** The same spans as an OTLP protobuf request. */
export function richOtlpProto(spans: readonly RichSpan[]): Uint8Array {
  const w = protobuf.Writer.create();
  w.uint32(10).fork(); // resource_spans
  w.uint32(10).fork(); // resource
  writeKeyValue(w, 10, { key: 'service.name', value: { stringValue: 'fuzz' } });
  w.ldelim();
  w.uint32(18).fork(); // scope_spans
  w.uint32(10).fork().uint32(10).string('fuzz').ldelim();
  for (const span of spans) {
    w.uint32(18).fork();
    w.uint32(10).bytes(Buffer.from(traceIdOf(span.n), 'hex'));
    w.uint32(18).bytes(Buffer.from(spanIdOf(span.n), 'hex'));
    w.uint32(42).string(span.name);
    w.uint32(48).uint32(2);
    w.uint32(57).fixed64('1700000000000000000');
    w.uint32(65).fixed64('1700000000001000000');
    for (const attribute of span.attributes) writeKeyValue(w, 74, attribute);
    for (const event of span.events) {
      w.uint32(90).fork().uint32(9).fixed64('1700000000000500000').uint32(18).string(event.name);
      for (const attribute of event.attributes) writeKeyValue(w, 26, attribute);
      w.ldelim();
    }
    w.ldelim();
  }
  w.ldelim().ldelim();
  return w.finish();
}

function writeKeyValue(w: protobuf.Writer, tag: number, { key, value }: JsonKeyValue): void {
  w.uint32(tag).fork().uint32(10).string(key).uint32(18).fork();
  writeAnyValue(w, value);
  w.ldelim().ldelim();
}

function writeAnyValue(w: protobuf.Writer, value: JsonAnyValue): void {
  if ('stringValue' in value) w.uint32(10).string(value.stringValue);
  else if ('boolValue' in value) w.uint32(16).bool(value.boolValue);
  else if ('intValue' in value) w.uint32(24).int64(value.intValue);
  else if ('doubleValue' in value) w.uint32(33).double(value.doubleValue);
  else if ('arrayValue' in value) {
    w.uint32(42).fork();
    for (const item of value.arrayValue.values) {
      w.uint32(10).fork();
      writeAnyValue(w, item);
      w.ldelim();
    }
    w.ldelim();
  } else {
    w.uint32(50).fork();
    for (const item of value.kvlistValue.values) writeKeyValue(w, 10, item);
    w.ldelim();
  }
}

/** Zipkin v2 spans with tags, some without a timestamp. */
export const zipkinSpans: fc.Arbitrary<string> = fc
  .array(
    fc.record({
      n: fc.integer({ min: 1, max: 1e9 }),
      name: fc.string({ maxLength: 12 }),
      timestamp: fc.option(fc.integer({ min: 0, max: 2e15 }), { nil: undefined }),
      duration: fc.integer({ min: 0, max: 1e9 }),
      tags: fc.dictionary(key, fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), { maxKeys: 4 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((spans) =>
    JSON.stringify(
      spans.map(({ n, ...span }) => ({
        traceId: traceIdOf(n),
        id: spanIdOf(n),
        localEndpoint: { serviceName: 'zipkin-fuzz' },
        ...span,
      })),
    ),
  );

/** A valid body, then mutated: bytes overwritten, a slice repeated (more nesting, more fields), cut short. */
export function mutate(body: Uint8Array, edits: Mutation): Uint8Array {
  let bytes = Uint8Array.from(body);
  if (edits.repeat !== undefined && bytes.length > 0) {
    const [from, length, times] = edits.repeat;
    const start = from % bytes.length;
    const slice = bytes.subarray(start, Math.min(bytes.length, start + length));
    const parts = [bytes.subarray(0, start), ...Array.from({ length: times }, () => slice), bytes.subarray(start)];
    bytes = Uint8Array.from(Buffer.concat(parts));
  }
  for (const [at, value] of edits.flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
  return bytes.subarray(0, Math.max(1, bytes.length - (edits.cut % 8)));
}

/** How {@link mutate} changes a body. */
export interface Mutation {
  readonly flips: readonly (readonly [number, number])[];
  readonly repeat: readonly [number, number, number] | undefined;
  readonly cut: number;
}

export const mutations: fc.Arbitrary<Mutation> = fc.record({
  flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
  repeat: fc.option(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 40 })), {
    nil: undefined,
  }),
  cut: fc.nat(),
});
