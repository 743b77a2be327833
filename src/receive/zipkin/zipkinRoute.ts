import type { DecodedSpans } from '../DecodedSpans.ts';
import { jsonRefusal } from '../http/jsonRefusal.ts';
import type { BodyCodec, ReceiverRoute } from '../ReceiverRoute.ts';
import { decodeZipkinJson } from './decodeZipkinJson.ts';

/** Zipkin has no partial-success answer: the 202's text says which spans were rejected, and why. */
function rejectionMessage(decoded: DecodedSpans): string {
  if (decoded.rejected === 0) return '';
  return `[tracespec] rejected ${decoded.rejected} Zipkin span(s): ${decoded.problems.join('; ')}`;
}

const zipkinJson: BodyCodec = {
  name: 'Zipkin v2 JSON',
  decode: (body) => decodeZipkinJson(body.toString('utf8')),
  answer: (decoded) => ({ status: 202, contentType: 'text/plain', body: rejectionMessage(decoded) }),
  refuse: jsonRefusal,
};

/**
 * Zipkin v2: `POST /api/v2/spans` with a JSON span list, answered 202. A missing content type is taken as JSON,
 * as Zipkin's own server does.
 */
export const zipkinRoute: ReceiverRoute = {
  path: '/api/v2/spans',
  format: 'Zipkin v2',
  accepts: 'Zipkin v2 JSON (application/json)',
  contentTypes: { '': zipkinJson, 'application/json': zipkinJson },
};
