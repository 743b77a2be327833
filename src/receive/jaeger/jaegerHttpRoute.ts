import type { BodyCodec, ReceiverRoute } from '../ReceiverRoute.ts';
import { decodeJaegerBatch } from './decodeJaegerThrift.ts';

const thriftBinaryBatch: BodyCodec = {
  name: 'Jaeger Thrift',
  decode: (body) => decodeJaegerBatch(body, 'binary'),
  // jaeger-collector answers 202 with an empty body; rejected spans are named in the body, which clients ignore.
  answer: (decoded) => ({
    status: 202,
    contentType: 'text/plain',
    body:
      decoded.rejected === 0 ? '' : `[tracespec] rejected ${decoded.rejected} span(s): ${decoded.problems.join('; ')}`,
  }),
  refuse: (status, message) => ({ status, contentType: 'text/plain', body: message }),
};

/**
 * Jaeger's collector HTTP API: `POST /api/traces` with one Thrift binary `Batch` (what `JAEGER_ENDPOINT` points
 * Jaeger clients at), under either media type jaeger-collector accepts.
 */
export const jaegerRoute: ReceiverRoute = {
  path: '/api/traces',
  format: 'Jaeger Thrift',
  accepts: 'a Thrift binary Batch (application/x-thrift or application/vnd.apache.thrift.binary)',
  contentTypes: {
    'application/x-thrift': thriftBinaryBatch,
    'application/vnd.apache.thrift.binary': thriftBinaryBatch,
  },
  // jaeger-collector answers every refusal in plain text, whatever the sender posted.
  refuseOther: thriftBinaryBatch,
};
