import type { B3Context, B3Sampling } from './B3Context.ts';
import type { B3MultiHeaders } from './B3MultiHeaders.ts';
import { b3SpanId, b3TraceId } from './b3Fields.ts';
import { quote } from './hex.ts';
import { invalid, ok, type ParseResult } from './ParseResult.ts';
import { trimOws } from './trimOws.ts';

/**
 * Parses the B3 multi-header form (`X-B3-TraceId`, `X-B3-SpanId`, `X-B3-ParentSpanId`, `X-B3-Sampled`,
 * `X-B3-Flags`), given by lower-case name. Trace and span id come together or not at all; `X-B3-Flags: 1` means debug.
 *
 * @example
 * parseB3Multi({ 'x-b3-traceid': '80f198ee56343ba864fe8b2a57d3eff7', 'x-b3-spanid': 'e457b5a2e4d86bd1', 'x-b3-sampled': '1' });
 * // { valid: true, value: { traceId: '80f1…', spanId: 'e457…', sampling: 'accept' } }
 * parseB3Multi({ 'x-b3-traceid': '80f198ee56343ba864fe8b2a57d3eff7' });
 * // { valid: false, reason: 'X-B3-TraceId is present but X-B3-SpanId is missing' }
 */
export function parseB3Multi(headers: B3MultiHeaders): ParseResult<B3Context> {
  const read = (name: keyof B3MultiHeaders) => {
    const value = headers[name];
    return value === undefined ? undefined : trimOws(value);
  };
  const rawTrace = read('x-b3-traceid');
  const rawSpan = read('x-b3-spanid');
  const rawParent = read('x-b3-parentspanid');
  const sampling = samplingOf(read('x-b3-sampled'), read('x-b3-flags'));
  if (typeof sampling === 'object') return invalid(sampling.reason);
  if (rawTrace === undefined && rawSpan === undefined) {
    if (rawParent !== undefined) return invalid('X-B3-ParentSpanId is present without X-B3-TraceId and X-B3-SpanId');
    return sampling ? ok({ sampling }) : invalid('no X-B3-* header is present');
  }
  if (rawSpan === undefined) return invalid('X-B3-TraceId is present but X-B3-SpanId is missing');
  if (rawTrace === undefined) return invalid('X-B3-SpanId is present but X-B3-TraceId is missing');
  const traceId = b3TraceId('X-B3-TraceId', rawTrace);
  if (typeof traceId === 'string') return invalid(traceId);
  const spanId = b3SpanId('X-B3-SpanId', rawSpan);
  if (typeof spanId === 'string') return invalid(spanId);
  const parent = rawParent === undefined ? undefined : b3SpanId('X-B3-ParentSpanId', rawParent);
  if (typeof parent === 'string') return invalid(parent);
  return ok({
    traceId: traceId.id,
    spanId: spanId.id,
    ...(parent ? { parentSpanId: parent.id } : {}),
    ...(sampling ? { sampling } : {}),
  });
}

function samplingOf(
  sampled: string | undefined,
  flags: string | undefined,
): B3Sampling | undefined | { reason: string } {
  if (flags !== undefined) {
    if (flags === '1') return 'debug';
    if (flags !== '0') return { reason: `X-B3-Flags must be 1 (debug) or 0, got ${quote(flags)}` };
  }
  if (sampled === undefined) return undefined;
  if (sampled === '1' || sampled === 'true') return 'accept';
  if (sampled === '0' || sampled === 'false') return 'deny';
  if (sampled === 'd') return { reason: 'X-B3-Sampled: d is the single-header form; send X-B3-Flags: 1 for debug' };
  return { reason: `X-B3-Sampled must be 1 or 0, got ${quote(sampled)}` };
}
