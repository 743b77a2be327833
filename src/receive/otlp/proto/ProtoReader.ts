import protobuf from 'protobufjs/minimal.js';
import { MalformedInputError } from '../../MalformedInputError.ts';

/** protobufjs' wire reader: varints, fixed ints, strings, skipping unknown fields. */
export type ProtoReader = protobuf.Reader;

/**
 * A reader over a request body. Always over a Buffer view (no copy): protobufjs then decodes strings with Node's
 * native UTF-8 slice, which measured ~4x faster on OTLP payloads than its JavaScript decoder for plain Uint8Arrays.
 */
export function protoReader(bytes: Uint8Array): ProtoReader {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return protobuf.Reader.create(buffer);
}

/** Reads a length prefix and returns where that embedded message or byte string ends. */
export function messageEnd(reader: ProtoReader, what: string): number {
  const start = reader.pos;
  const end = reader.uint32() + reader.pos;
  if (end > reader.len) {
    throw new MalformedInputError(
      `${what} at byte ${start} claims ${end - reader.pos} bytes, but only ${reader.len - reader.pos} are left (truncated body?)`,
    );
  }
  return end;
}

/** Reads a `fixed64` as an exact unsigned bigint (protobufjs would give a lossy number or a Long). */
export function readFixed64(reader: ProtoReader): bigint {
  const low = reader.fixed32();
  const high = reader.fixed32();
  return high === 0 ? BigInt(low) : (BigInt(high) << 32n) | BigInt(low);
}

/** Reads an `int64` varint as a number (exact up to 2^53, like OpenTelemetry JS attributes). */
export function readInt64(reader: ProtoReader): number {
  const value = reader.int64() as unknown as number | { toNumber(): number };
  return typeof value === 'number' ? value : value.toNumber();
}

/** Skips a field of the given wire type, rejecting the wire types protobuf does not define. */
export function skipField(reader: ProtoReader, tag: number): void {
  const wireType = tag & 7;
  if (wireType > 5 || wireType === 3 || wireType === 4) {
    throw new MalformedInputError(`field ${tag >>> 3} has wire type ${wireType}, which OTLP never uses`);
  }
  reader.skipType(wireType);
}
