import { createRequire } from 'node:module';
import type thrift from 'thrift';
import { MalformedInputError } from '../MalformedInputError.ts';

// Apache Thrift is loaded on first use (Node caches it), not when tracespec is imported: it takes ~100ms to load.
const require = createRequire(import.meta.url);

/**
 * The two Thrift encodings Jaeger clients send: `binary` (HTTP bodies, and the agent's UDP port 6832) and `compact`
 * (the agent's UDP port 6831, what most Jaeger clients use).
 *
 * @example
 * const protocol: ThriftProtocolName = 'compact';
 */
export type ThriftProtocolName = 'binary' | 'compact';

/** Apache Thrift's protocol reader (`TBinaryProtocol` / `TCompactProtocol`). */
export type ThriftProtocol = thrift.TProtocol;

/** Thrift's type ids on the wire (Apache Thrift's `Thrift.Type`), as the protocol readers report them. */
export const TType = {
  STOP: 0,
  BOOL: 2,
  BYTE: 3,
  DOUBLE: 4,
  I16: 6,
  I32: 8,
  I64: 10,
  STRING: 11,
  STRUCT: 12,
  LIST: 15,
};

/** Thrift's message types (Apache Thrift's `Thrift.MessageType`). */
export const MessageType = { CALL: 1, REPLY: 2, EXCEPTION: 3, ONEWAY: 4 } as const;

/**
 * A Thrift reader over one whole payload (an HTTP body or a UDP datagram), with Apache Thrift doing the wire format.
 * `TFramedTransport` built on a buffer reads that buffer in place: no copy, no frame header expected.
 */
export class ThriftInput {
  readonly protocol: ThriftProtocol;
  readonly #transport: thrift.TFramedTransport;
  readonly #length: number;

  constructor(bytes: Uint8Array, name: ThriftProtocolName) {
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const lib = require('thrift') as typeof thrift;
    this.#transport = new lib.TFramedTransport(buffer);
    this.#length = buffer.length;
    this.protocol =
      name === 'compact' ? new lib.TCompactProtocol(this.#transport) : new lib.TBinaryProtocol(this.#transport);
  }

  /** Bytes not read yet. */
  get remaining(): number {
    return this.#length - this.position;
  }

  /** How far the reader got (`TFramedTransport` keeps it in `readPos`, which its typings leave out). */
  get position(): number {
    return (this.#transport as unknown as { readPos: number }).readPos;
  }

  /**
   * Reads a list header and checks its length against the bytes left: every element takes at least one byte in
   * both encodings, so a longer list is a broken payload, refused before any element is read.
   */
  readListBegin(what: string): { readonly type: number; readonly size: number } {
    const list = this.protocol.readListBegin();
    if (list.size < 0 || list.size > this.remaining) {
      throw new MalformedInputError(
        `${what} claims ${list.size} elements, but only ${this.remaining} bytes are left (truncated payload?)`,
      );
    }
    return { type: list.etype, size: list.size };
  }

  /** Reads an i64 as the unsigned 64-bit number it carries (ids). */
  readUnsigned64(): bigint {
    const value = this.protocol.readI64();
    return value.buffer.readBigUInt64BE(value.offset);
  }

  /** Reads an i64 as a signed 64-bit number (times, `LONG` tags). */
  readSigned64(): bigint {
    const value = this.protocol.readI64();
    return value.buffer.readBigInt64BE(value.offset);
  }

  /**
   * Turns what Apache Thrift throws on a broken payload (an underrun, a bad type id, a negative size, a depth limit)
   * into a {@link MalformedInputError} that says where reading stopped.
   */
  malformed(error: unknown): MalformedInputError {
    if (error instanceof MalformedInputError) return error;
    const name = (error as { name?: string } | null)?.name;
    const reason =
      name === 'InputBufferUnderrunError'
        ? 'the data ends in the middle of a value (truncated payload?)'
        : error instanceof Error && error.message
          ? error.message
          : String(error);
    return new MalformedInputError(`${reason} at byte ${this.position} of ${this.#length}`);
  }
}
