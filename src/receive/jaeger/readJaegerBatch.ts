import type { JaegerBatch, JaegerLog, JaegerProcess, JaegerSpan, JaegerSpanRef, JaegerTag } from './JaegerThrift.ts';
import { type ThriftInput, TType } from './ThriftInput.ts';

// Field ids of jaeger.thrift (jaegertracing/jaeger-idl), each named as in the IDL. A field whose id is unknown or
// whose wire type differs from the IDL's is skipped, as Thrift's generated readers do (so newer senders work).
const TAG = { key: 1, vType: 2, vStr: 3, vDouble: 4, vBool: 5, vLong: 6, vBinary: 7 } as const;
const LOG = { timestamp: 1, fields: 2 } as const;
const SPAN_REF = { refType: 1, traceIdLow: 2, traceIdHigh: 3, spanId: 4 } as const;
const SPAN = {
  traceIdLow: 1,
  traceIdHigh: 2,
  spanId: 3,
  parentSpanId: 4,
  operationName: 5,
  references: 6,
  flags: 7,
  startTime: 8,
  duration: 9,
  tags: 10,
  logs: 11,
} as const;
const PROCESS = { serviceName: 1, tags: 2 } as const;
const BATCH = { process: 1, spans: 2 } as const;

type Draft<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Reads a `jaeger.Batch` struct (what `POST /api/traces` carries, and the argument of the agent's `emitBatch`).
 * Throws what Apache Thrift throws on a broken payload; `ThriftInput.malformed` turns that into a message.
 */
export function readJaegerBatch(input: ThriftInput): JaegerBatch {
  let process: JaegerProcess | undefined;
  let spans: JaegerSpan[] = [];
  readStruct(input, (id, type) => {
    if (id === BATCH.process && type === TType.STRUCT) process = readProcess(input);
    else if (id === BATCH.spans && type === TType.LIST) spans = readList(input, 'Batch.spans', readSpan);
    else return false;
    return true;
  });
  return process === undefined ? { spans } : { process, spans };
}

function readProcess(input: ThriftInput): JaegerProcess {
  const process: Draft<JaegerProcess> = {};
  readStruct(input, (id, type) => {
    if (id === PROCESS.serviceName && type === TType.STRING) process.serviceName = input.protocol.readString();
    else if (id === PROCESS.tags && type === TType.LIST) process.tags = readList(input, 'Process.tags', readTag);
    else return false;
    return true;
  });
  return process;
}

function readSpan(input: ThriftInput): JaegerSpan {
  const span: Draft<JaegerSpan> = {};
  const p = input.protocol;
  readStruct(input, (id, type) => {
    if (type === TType.I64) {
      if (id === SPAN.traceIdLow) span.traceIdLow = input.readUnsigned64();
      else if (id === SPAN.traceIdHigh) span.traceIdHigh = input.readUnsigned64();
      else if (id === SPAN.spanId) span.spanId = input.readUnsigned64();
      else if (id === SPAN.parentSpanId) span.parentSpanId = input.readUnsigned64();
      else if (id === SPAN.startTime) span.startTime = input.readSigned64();
      else if (id === SPAN.duration) span.duration = input.readSigned64();
      else return false;
    } else if (id === SPAN.operationName && type === TType.STRING) span.operationName = p.readString();
    else if (id === SPAN.flags && type === TType.I32) span.flags = p.readI32();
    else if (id === SPAN.references && type === TType.LIST)
      span.references = readList(input, 'Span.references', readSpanRef);
    else if (id === SPAN.tags && type === TType.LIST) span.tags = readList(input, 'Span.tags', readTag);
    else if (id === SPAN.logs && type === TType.LIST) span.logs = readList(input, 'Span.logs', readLog);
    else return false;
    return true;
  });
  return span;
}

function readSpanRef(input: ThriftInput): JaegerSpanRef {
  const ref: Draft<JaegerSpanRef> = {};
  readStruct(input, (id, type) => {
    if (id === SPAN_REF.refType && type === TType.I32) ref.refType = input.protocol.readI32();
    else if (id === SPAN_REF.traceIdLow && type === TType.I64) ref.traceIdLow = input.readUnsigned64();
    else if (id === SPAN_REF.traceIdHigh && type === TType.I64) ref.traceIdHigh = input.readUnsigned64();
    else if (id === SPAN_REF.spanId && type === TType.I64) ref.spanId = input.readUnsigned64();
    else return false;
    return true;
  });
  return ref;
}

function readLog(input: ThriftInput): JaegerLog {
  const log: Draft<JaegerLog> = {};
  readStruct(input, (id, type) => {
    if (id === LOG.timestamp && type === TType.I64) log.timestamp = input.readSigned64();
    else if (id === LOG.fields && type === TType.LIST) log.fields = readList(input, 'Log.fields', readTag);
    else return false;
    return true;
  });
  return log;
}

function readTag(input: ThriftInput): JaegerTag {
  const tag: Draft<JaegerTag> = {};
  const p = input.protocol;
  readStruct(input, (id, type) => {
    if (id === TAG.key && type === TType.STRING) tag.key = p.readString();
    else if (id === TAG.vType && type === TType.I32) tag.vType = p.readI32();
    else if (id === TAG.vStr && type === TType.STRING) tag.vStr = p.readString();
    else if (id === TAG.vDouble && type === TType.DOUBLE) tag.vDouble = p.readDouble();
    else if (id === TAG.vBool && type === TType.BOOL) tag.vBool = p.readBool();
    else if (id === TAG.vLong && type === TType.I64) tag.vLong = input.readSigned64();
    else if (id === TAG.vBinary && type === TType.STRING) tag.vBinary = p.readBinary();
    else return false;
    return true;
  });
  return tag;
}

/** Reads the fields of a struct up to its STOP, handing each to `field`; unhandled fields are skipped. */
export function readStruct(input: ThriftInput, field: (id: number, type: number) => boolean): void {
  const p = input.protocol;
  p.readStructBegin();
  for (;;) {
    const { ftype, fid } = p.readFieldBegin();
    if (ftype === TType.STOP) break;
    if (!field(fid, ftype)) p.skip(ftype);
    p.readFieldEnd();
  }
  p.readStructEnd();
}

/** Reads a `list<struct>`; a list of another element type is skipped element by element and reads as empty. */
function readList<T>(input: ThriftInput, what: string, read: (input: ThriftInput) => T): T[] {
  const { type, size } = input.readListBegin(what);
  const items: T[] = [];
  for (let i = 0; i < size; i++) {
    if (type === TType.STRUCT) items.push(read(input));
    else input.protocol.skip(type);
  }
  input.protocol.readListEnd();
  return items;
}
