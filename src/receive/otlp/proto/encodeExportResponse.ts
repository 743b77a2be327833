import protobuf from 'protobufjs/minimal.js';
import type { DecodedSpans } from '../../DecodedSpans.ts';
import { partialSuccessMessage } from '../partialSuccessMessage.ts';
import * as proto from './fields.ts';

/**
 * `ExportTraceServiceResponse` as protobuf: an empty message on full success, else `partial_success` with
 * `rejected_spans` and `error_message`.
 */
export function encodeExportResponse(decoded: DecodedSpans): Uint8Array {
  const writer = protobuf.Writer.create();
  if (decoded.rejected > 0) {
    writer.uint32(proto.ExportTraceServiceResponse.partial_success).fork();
    writer.uint32(proto.ExportTracePartialSuccess.rejected_spans).int64(decoded.rejected);
    writer.uint32(proto.ExportTracePartialSuccess.error_message).string(partialSuccessMessage(decoded));
    writer.ldelim();
  }
  return writer.finish();
}
