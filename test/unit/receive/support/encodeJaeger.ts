// Builds Jaeger Thrift payloads for tests with Apache Thrift's writers: any field can be left out or given a wrong
// value, to build invalid payloads too. Real clients (jaeger-client for Node, Ruby's jaeger-client) are tested
// elsewhere; this is for the cases they never produce.
import thrift from 'thrift';

const T = thrift.Thrift.Type;

export interface TestTag {
  readonly key?: string;
  readonly vType?: number;
  readonly vStr?: string;
  readonly vDouble?: number;
  readonly vBool?: boolean;
  readonly vLong?: bigint;
  readonly vBinary?: Buffer;
}

export interface TestRef {
  readonly refType: number;
  readonly traceIdLow: bigint;
  readonly traceIdHigh?: bigint;
  readonly spanId: bigint;
}

export interface TestJaegerSpan {
  readonly traceIdLow?: bigint;
  readonly traceIdHigh?: bigint;
  readonly spanId?: bigint;
  readonly parentSpanId?: bigint;
  readonly operationName?: string;
  readonly references?: readonly TestRef[];
  readonly flags?: number;
  readonly startTime?: bigint;
  readonly duration?: bigint;
  readonly tags?: readonly TestTag[];
  readonly logs?: readonly { readonly timestamp: bigint; readonly fields: readonly TestTag[] }[];
  /** A field id this decoder does not know, to check it is skipped. */
  readonly unknownField?: boolean;
}

export interface TestBatch {
  readonly serviceName?: string;
  readonly processTags?: readonly TestTag[];
  readonly spans: readonly TestJaegerSpan[];
}

export type TestProtocol = 'binary' | 'compact';

/** Tag helpers. */
export const str = (key: string, vStr: string): TestTag => ({ key, vType: 0, vStr });
export const dbl = (key: string, vDouble: number): TestTag => ({ key, vType: 1, vDouble });
export const bool = (key: string, vBool: boolean): TestTag => ({ key, vType: 2, vBool });
export const long = (key: string, vLong: bigint): TestTag => ({ key, vType: 3, vLong });
export const bin = (key: string, vBinary: Buffer): TestTag => ({ key, vType: 4, vBinary });

/** A `jaeger.Batch` struct, as `POST /api/traces` carries it. */
export function encodeJaegerBatch(batch: TestBatch, protocol: TestProtocol = 'binary'): Buffer {
  return write(protocol, (p) => writeBatch(p, batch));
}

/** An `Agent.emitBatch` message, as a Jaeger client sends it in one UDP datagram. */
export function encodeEmitBatch(
  batch: TestBatch,
  protocol: TestProtocol,
  header: { name?: string; type?: number } = {},
): Buffer {
  return write(protocol, (p) => {
    p.writeMessageBegin(header.name ?? 'emitBatch', header.type ?? thrift.Thrift.MessageType.ONEWAY, 1);
    p.writeStructBegin('emitBatch_args');
    p.writeFieldBegin('batch', T.STRUCT, 1);
    writeBatch(p, batch);
    p.writeFieldEnd();
    p.writeFieldStop();
    p.writeStructEnd();
    p.writeMessageEnd();
  });
}

function write(protocol: TestProtocol, body: (p: thrift.TProtocol) => void): Buffer {
  let out: Buffer = Buffer.alloc(0);
  const transport = new thrift.TBufferedTransport(undefined, (bytes) => {
    out = bytes ?? out;
  });
  const p = protocol === 'compact' ? new thrift.TCompactProtocol(transport) : new thrift.TBinaryProtocol(transport);
  body(p);
  transport.flush();
  return out;
}

const int64 = (value: bigint) => {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt.asUintN(64, value));
  return new thrift.Int64(buffer);
};

function field(p: thrift.TProtocol, type: thrift.Thrift.Type, id: number, value: () => void): void {
  p.writeFieldBegin('', type, id);
  value();
  p.writeFieldEnd();
}

function list<V>(p: thrift.TProtocol, id: number, items: readonly V[] | undefined, each: (item: V) => void): void {
  if (items === undefined) return;
  field(p, T.LIST, id, () => {
    p.writeListBegin(T.STRUCT, items.length);
    for (const item of items) each(item);
    p.writeListEnd();
  });
}

function struct(p: thrift.TProtocol, fields: () => void): void {
  p.writeStructBegin('');
  fields();
  p.writeFieldStop();
  p.writeStructEnd();
}

function writeTag(p: thrift.TProtocol, tag: TestTag): void {
  struct(p, () => {
    if (tag.key !== undefined) field(p, T.STRING, 1, () => p.writeString(tag.key ?? ''));
    if (tag.vType !== undefined) field(p, T.I32, 2, () => p.writeI32(tag.vType ?? 0));
    if (tag.vStr !== undefined) field(p, T.STRING, 3, () => p.writeString(tag.vStr ?? ''));
    if (tag.vDouble !== undefined) field(p, T.DOUBLE, 4, () => p.writeDouble(tag.vDouble ?? 0));
    if (tag.vBool !== undefined) field(p, T.BOOL, 5, () => p.writeBool(tag.vBool ?? false));
    if (tag.vLong !== undefined) field(p, T.I64, 6, () => p.writeI64(int64(tag.vLong ?? 0n)));
    if (tag.vBinary !== undefined) field(p, T.STRING, 7, () => p.writeBinary(tag.vBinary ?? Buffer.alloc(0)));
  });
}

function writeBatch(p: thrift.TProtocol, batch: TestBatch): void {
  struct(p, () => {
    field(p, T.STRUCT, 1, () =>
      struct(p, () => {
        if (batch.serviceName !== undefined) field(p, T.STRING, 1, () => p.writeString(batch.serviceName ?? ''));
        list(p, 2, batch.processTags, (tag) => writeTag(p, tag));
      }),
    );
    list(p, 2, batch.spans, (span) => writeSpan(p, span));
  });
}

function writeSpan(p: thrift.TProtocol, span: TestJaegerSpan): void {
  struct(p, () => {
    const i64 = (id: number, value: bigint | undefined) => {
      if (value !== undefined) field(p, T.I64, id, () => p.writeI64(int64(value)));
    };
    i64(1, span.traceIdLow);
    i64(2, span.traceIdHigh ?? (span.traceIdLow === undefined ? undefined : 0n));
    i64(3, span.spanId);
    i64(4, span.parentSpanId ?? (span.spanId === undefined ? undefined : 0n));
    if (span.operationName !== undefined) field(p, T.STRING, 5, () => p.writeString(span.operationName ?? ''));
    list(p, 6, span.references, (ref) =>
      struct(p, () => {
        field(p, T.I32, 1, () => p.writeI32(ref.refType));
        field(p, T.I64, 2, () => p.writeI64(int64(ref.traceIdLow)));
        field(p, T.I64, 3, () => p.writeI64(int64(ref.traceIdHigh ?? 0n)));
        field(p, T.I64, 4, () => p.writeI64(int64(ref.spanId)));
      }),
    );
    field(p, T.I32, 7, () => p.writeI32(span.flags ?? 1));
    i64(8, span.startTime ?? 1_700_000_000_000_000n);
    i64(9, span.duration ?? 1000n);
    list(p, 10, span.tags, (tag) => writeTag(p, tag));
    list(p, 11, span.logs, (log) =>
      struct(p, () => {
        field(p, T.I64, 1, () => p.writeI64(int64(log.timestamp)));
        list(p, 2, log.fields, (tag) => writeTag(p, tag));
      }),
    );
    if (span.unknownField) {
      field(p, T.LIST, 42, () => {
        p.writeListBegin(T.STRING, 2);
        p.writeString('from');
        p.writeString('the future');
        p.writeListEnd();
      });
    }
  });
}
