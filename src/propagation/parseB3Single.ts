import type { B3Context } from './B3Context.ts';
import { b3Sampling, b3SpanId, b3TraceId } from './b3Fields.ts';
import { quote } from './hex.ts';
import { invalid, ok, type ParseResult } from './ParseResult.ts';
import { trimOws } from './trimOws.ts';

/**
 * Parses the B3 single header: `{traceId}-{spanId}[-{sampling}[-{parentSpanId}]]`, or a lone sampling state
 * (`0`, `1`, `d`). Ids are lower-case hex; a 64-bit trace id is padded to 32 characters.
 *
 * @example
 * parseB3Single('80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90');
 * // { valid: true, value: { traceId: '80f1…', spanId: 'e457…', sampling: 'accept', parentSpanId: '05e3…' } }
 * parseB3Single('0'); // { valid: true, value: { sampling: 'deny' } }
 */
export function parseB3Single(header: string): ParseResult<B3Context> {
  const text = trimOws(header);
  if (text === '') return invalid('b3 is empty');
  const fields = text.split('-');
  if (fields.length === 1) {
    const sampling = b3Sampling(text);
    return sampling ? ok({ sampling }) : invalid(`b3 with one field must be 0, 1 or d, got ${quote(text)}`);
  }
  if (fields.length > 4) return invalid(`b3 has ${fields.length} fields, at most 4 are allowed (${quote(text)})`);
  const [rawTrace = '', rawSpan = '', rawSampling, rawParent] = fields;
  const traceId = b3TraceId('trace-id', rawTrace);
  if (typeof traceId === 'string') return invalid(traceId);
  const spanId = b3SpanId('span-id', rawSpan);
  if (typeof spanId === 'string') return invalid(spanId);
  const sampling = rawSampling === undefined ? undefined : b3Sampling(rawSampling);
  if (rawSampling !== undefined && !sampling)
    return invalid(`sampling state must be 0, 1 or d, got ${quote(rawSampling)}`);
  const parent = rawParent === undefined ? undefined : b3SpanId('parent-span-id', rawParent);
  if (typeof parent === 'string') return invalid(parent);
  return ok({
    traceId: traceId.id,
    spanId: spanId.id,
    ...(parent ? { parentSpanId: parent.id } : {}),
    ...(sampling ? { sampling } : {}),
  });
}
