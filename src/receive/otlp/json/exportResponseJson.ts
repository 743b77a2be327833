import type { DecodedSpans } from '../../DecodedSpans.ts';
import { partialSuccessMessage } from '../partialSuccessMessage.ts';

/** `ExportTraceServiceResponse` in the OTLP/JSON mapping: `{}` on full success, else `partialSuccess`. */
export function exportResponseJson(decoded: DecodedSpans): string {
  if (decoded.rejected === 0) return '{}';
  return JSON.stringify({
    partialSuccess: { rejectedSpans: String(decoded.rejected), errorMessage: partialSuccessMessage(decoded) },
  });
}
