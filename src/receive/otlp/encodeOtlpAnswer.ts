import protobuf from 'protobufjs/minimal.js';
import type { DecodedSpans } from '../DecodedSpans.ts';

/** The partial-success message of an export answer: empty when every span was accepted. */
export function partialSuccessMessage(decoded: DecodedSpans): string {
  if (decoded.rejected === 0) return '';
  return `[tracespec] rejected ${decoded.rejected} span(s) with invalid ids: ${decoded.problems.join('; ')}`;
}

/**
 * `ExportTraceServiceResponse` as protobuf: an empty message on full success, else `partial_success` with
 * `rejected_spans` and `error_message`.
 */
export function encodeExportResponse(decoded: DecodedSpans): Uint8Array {
  const writer = protobuf.Writer.create();
  if (decoded.rejected > 0) {
    writer.uint32(10).fork();
    writer.uint32(8).int64(decoded.rejected);
    writer.uint32(18).string(partialSuccessMessage(decoded));
    writer.ldelim();
  }
  return writer.finish();
}

/** `ExportTraceServiceResponse` in the OTLP/JSON mapping. */
export function exportResponseJson(decoded: DecodedSpans): string {
  if (decoded.rejected === 0) return '{}';
  return JSON.stringify({
    partialSuccess: { rejectedSpans: String(decoded.rejected), errorMessage: partialSuccessMessage(decoded) },
  });
}

/** A `google.rpc.Status` (code 1, message 2) as protobuf, the body OTLP/HTTP uses for errors. */
export function encodeRpcStatus(code: number, message: string): Uint8Array {
  return protobuf.Writer.create().uint32(8).int32(code).uint32(18).string(message).finish();
}
