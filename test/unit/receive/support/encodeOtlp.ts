import protobuf from 'protobufjs/minimal.js';

/** A span for hand-built OTLP requests (ids as hex; any length, to build invalid ones too). */
export interface TestSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  /** Start time in ns since the epoch; `'0'` leaves the field out, as protobuf encoders do with unset values. */
  readonly start?: string;
}

const hex = (id: string) => Buffer.from(id, 'hex');

/** An OTLP protobuf `ExportTraceServiceRequest` with one resource (service) and one scope. */
export function encodeOtlpProto(spans: readonly TestSpan[], service = 'load'): Uint8Array {
  const w = protobuf.Writer.create();
  w.uint32(10).fork(); // resource_spans
  w.uint32(10).fork(); // resource
  w.uint32(10).fork().uint32(10).string('service.name').uint32(18).fork().uint32(10).string(service).ldelim().ldelim();
  w.ldelim();
  w.uint32(18).fork(); // scope_spans
  w.uint32(10).fork().uint32(10).string('test').ldelim();
  for (const span of spans) {
    w.uint32(18).fork();
    w.uint32(10).bytes(hex(span.traceId));
    w.uint32(18).bytes(hex(span.spanId));
    if (span.parentSpanId) w.uint32(34).bytes(hex(span.parentSpanId));
    w.uint32(42).string(span.name);
    w.uint32(48).uint32(2);
    const start = span.start ?? '1700000000000000000';
    if (start !== '0') w.uint32(57).fixed64(start);
    w.uint32(65).fixed64('1700000000001000000');
    w.ldelim();
  }
  w.ldelim().ldelim();
  return w.finish();
}

/** The same request in the OTLP JSON mapping. */
export function encodeOtlpJson(spans: readonly TestSpan[], service = 'load'): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: spans.map((span) => ({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ?? '',
              name: span.name,
              kind: 2,
              ...(span.start === '0' ? {} : { startTimeUnixNano: span.start ?? '1700000000000000000' }),
              endTimeUnixNano: '1700000000001000000',
            })),
          },
        ],
      },
    ],
  });
}

/** Reads `rejected_spans` and `error_message` from a protobuf `ExportTraceServiceResponse`. */
export function decodePartialSuccess(bytes: Uint8Array): { rejected: number; message: string } {
  const outer = protobuf.Reader.create(bytes);
  let rejected = 0;
  let message = '';
  while (outer.pos < outer.len) {
    const tag = outer.uint32();
    if (tag !== 10) {
      outer.skipType(tag & 7);
      continue;
    }
    const inner = protobuf.Reader.create(outer.bytes());
    while (inner.pos < inner.len) {
      const field = inner.uint32();
      if (field === 8) rejected = Number(String(inner.int64()));
      else if (field === 18) message = inner.string();
      else inner.skipType(field & 7);
    }
  }
  return { rejected, message };
}

/** Reads the message of a protobuf `google.rpc.Status`. */
export function decodeRpcStatusMessage(bytes: Uint8Array): string {
  const reader = protobuf.Reader.create(bytes);
  let message = '';
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag === 18) message = reader.string();
    else reader.skipType(tag & 7);
  }
  return message;
}

/** A trace id / span id made from a number, for generated load. */
export const traceIdOf = (n: number) => n.toString(16).padStart(32, '0').replace(/^0/, 'a');
export const spanIdOf = (n: number) => n.toString(16).padStart(16, '0').replace(/^0/, 'b');
