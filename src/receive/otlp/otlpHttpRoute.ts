import { jsonRefusal, rpcCode } from '../http/jsonRefusal.ts';
import type { BodyCodec, ReceiverRoute } from '../ReceiverRoute.ts';
import { decodeOtlpJson } from './json/decodeOtlpJson.ts';
import { exportResponseJson } from './json/exportResponseJson.ts';
import { decodeOtlpProtobuf } from './proto/decodeOtlpProtobuf.ts';
import { encodeExportResponse } from './proto/encodeExportResponse.ts';
import { encodeRpcStatus } from './proto/encodeRpcStatus.ts';

const protobufBody: BodyCodec = {
  name: 'OTLP protobuf',
  decode: (body) => decodeOtlpProtobuf(body, 'otlp-http'),
  answer: (decoded) => ({ status: 200, contentType: 'application/x-protobuf', body: encodeExportResponse(decoded) }),
  refuse: (status, message) => ({
    status,
    contentType: 'application/x-protobuf',
    body: encodeRpcStatus(rpcCode(status), message),
  }),
};

const jsonBody: BodyCodec = {
  name: 'OTLP JSON',
  decode: (body) => decodeOtlpJson(body.toString('utf8'), 'otlp-http'),
  answer: (decoded) => ({ status: 200, contentType: 'application/json', body: exportResponseJson(decoded) }),
  refuse: jsonRefusal,
};

/**
 * OTLP/HTTP: `POST /v1/traces` with an `ExportTraceServiceRequest` in protobuf or JSON, answered in the same
 * encoding (an `ExportTraceServiceResponse`, with partial success when some spans were rejected).
 */
export const otlpHttpRoute: ReceiverRoute = {
  path: '/v1/traces',
  format: 'OTLP/HTTP',
  accepts: 'application/x-protobuf or application/json',
  contentTypes: {
    'application/x-protobuf': protobufBody,
    'application/protobuf': protobufBody,
    'application/json': jsonBody,
  },
};
