import type { DecodedSpans } from '../DecodedSpans.ts';
import { decodeJaegerBatch } from './decodeJaegerThrift.ts';

/** An answer of the collector's HTTP port. */
export interface JaegerHttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

const thriftBinaryBatch = {
  name: 'Jaeger Thrift',
  decode: (body: Buffer): DecodedSpans => decodeJaegerBatch(body, 'binary'),
  // jaeger-collector answers 202 with an empty body; rejected spans are named in the body, which clients ignore.
  answer: (decoded: DecodedSpans): JaegerHttpAnswer => ({
    status: 202,
    contentType: 'text/plain',
    body:
      decoded.rejected === 0 ? '' : `[tracespec] rejected ${decoded.rejected} span(s): ${decoded.problems.join('; ')}`,
  }),
  refuse: (status: number, message: string): JaegerHttpAnswer => ({ status, contentType: 'text/plain', body: message }),
};

/**
 * Jaeger's collector HTTP API: `POST /api/traces` with one Thrift binary `Batch` (what `JAEGER_ENDPOINT` points
 * Jaeger clients at), under either media type jaeger-collector accepts.
 */
export const jaegerRoute = {
  path: '/api/traces',
  format: 'Jaeger Thrift',
  accepts: 'a Thrift binary Batch (application/x-thrift or application/vnd.apache.thrift.binary)',
  contentTypes: {
    'application/x-thrift': thriftBinaryBatch,
    'application/vnd.apache.thrift.binary': thriftBinaryBatch,
  },
} as const;
