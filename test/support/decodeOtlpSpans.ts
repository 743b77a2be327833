// Just enough of the OTLP protobuf wire format (ExportTraceServiceRequest) for the container tests to see which
// service sent which span, without waiting for the real receiver. Field numbers from opentelemetry-proto.

/** One span as the container tests need it. */
export interface RecordedSpan {
  readonly service: string;
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
}

type Field = { readonly number: number; readonly bytes: Uint8Array };

function readVarint(buffer: Uint8Array, start: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let offset = start;
  for (;;) {
    const byte = buffer[offset++];
    if (byte === undefined) throw new Error('truncated varint');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, offset];
    shift += 7;
  }
}

/** The length-delimited fields of a message; other wire types are skipped. */
function fields(buffer: Uint8Array): Field[] {
  const out: Field[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const [key, afterKey] = readVarint(buffer, offset);
    const wireType = key & 7;
    offset = afterKey;
    if (wireType === 0) offset = readVarint(buffer, offset)[1];
    else if (wireType === 1) offset += 8;
    else if (wireType === 5) offset += 4;
    else if (wireType === 2) {
      const [length, afterLength] = readVarint(buffer, offset);
      out.push({ number: Math.floor(key / 8), bytes: buffer.subarray(afterLength, afterLength + length) });
      offset = afterLength + length;
    } else throw new Error(`unsupported wire type ${wireType}`);
  }
  return out;
}

const text = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : '');
const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : '');
const first = (list: Field[], number: number) => list.find((field) => field.number === number)?.bytes;
const all = (list: Field[], number: number) => list.filter((field) => field.number === number).map((f) => f.bytes);

function serviceName(resource: Uint8Array | undefined): string {
  for (const attribute of all(fields(resource ?? new Uint8Array()), 1)) {
    const keyValue = fields(attribute);
    if (text(first(keyValue, 1)) === 'service.name')
      return text(first(fields(first(keyValue, 2) ?? new Uint8Array()), 1));
  }
  return '';
}

/** The spans of one protobuf ExportTraceServiceRequest body. */
export function decodeOtlpSpans(body: Uint8Array): RecordedSpan[] {
  const spans: RecordedSpan[] = [];
  for (const resourceSpans of all(fields(body), 1)) {
    const parts = fields(resourceSpans);
    const service = serviceName(first(parts, 1));
    for (const scopeSpans of all(parts, 2)) {
      for (const span of all(fields(scopeSpans), 2)) {
        const f = fields(span);
        spans.push({
          service,
          name: text(first(f, 5)),
          traceId: hex(first(f, 1)),
          spanId: hex(first(f, 2)),
          parentSpanId: hex(first(f, 4)),
        });
      }
    }
  }
  return spans;
}
