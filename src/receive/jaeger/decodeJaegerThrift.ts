import type { DecodedSpans } from '../DecodedSpans.ts';
import { RejectionLog } from '../RejectionLog.ts';
import { acceptJaegerBatch } from './acceptJaegerBatch.ts';
import type { JaegerBatch } from './JaegerThrift.ts';
import { readEmitBatch } from './readEmitBatch.ts';
import { readJaegerBatch } from './readJaegerBatch.ts';
import { ThriftInput, type ThriftProtocolName } from './ThriftInput.ts';

/**
 * Decodes a Jaeger `Batch` struct, the body of `POST /api/traces` (`application/x-thrift`, Thrift binary), into
 * spans. Spans with unusable ids are rejected one by one; a payload that is not a Thrift `Batch` throws
 * `MalformedInputError` and yields nothing.
 *
 * @example
 * const { spans, rejected } = decodeJaegerBatch(body);
 */
export function decodeJaegerBatch(body: Uint8Array, protocol: ThriftProtocolName = 'binary'): DecodedSpans {
  return decodeWith(body, protocol, readJaegerBatch, 'jaeger-http');
}

/**
 * Decodes one UDP datagram for the Jaeger agent: an `Agent.emitBatch` message in Thrift compact (port 6831 in
 * Jaeger's defaults) or binary (6832).
 *
 * @example
 * const { spans } = decodeJaegerEmitBatch(datagram, 'compact');
 */
export function decodeJaegerEmitBatch(datagram: Uint8Array, protocol: ThriftProtocolName): DecodedSpans {
  return decodeWith(datagram, protocol, readEmitBatch, 'jaeger-udp');
}

function decodeWith(
  bytes: Uint8Array,
  protocol: ThriftProtocolName,
  read: (input: ThriftInput) => JaegerBatch,
  source: 'jaeger-http' | 'jaeger-udp',
): DecodedSpans {
  const input = new ThriftInput(bytes, protocol);
  let batch: JaegerBatch;
  try {
    batch = read(input);
  } catch (error) {
    throw input.malformed(error);
  }
  const log = new RejectionLog();
  acceptJaegerBatch(batch, source, log);
  return log.result();
}
