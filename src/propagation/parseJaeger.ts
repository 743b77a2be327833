import { isAllZeros, isHex, quote } from './hex.ts';
import type { JaegerContext } from './JaegerContext.ts';
import { invalid, ok, type ParseResult } from './ParseResult.ts';
import { trimOws } from './trimOws.ts';

/**
 * Parses a Jaeger `uber-trace-id` header, `{trace-id}:{span-id}:{parent-span-id}:{flags}` (the `:` may arrive
 * percent-encoded). Ids are hex of up to 32 / 16 characters, padded on the left; the parent may be `0`.
 *
 * @example
 * parseJaeger('4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1');
 * // { valid: true, value: { traceId: '4bf9…', spanId: '00f0…', flags: 1, sampled: true, debug: false } }
 * parseJaeger('4bf92f3577b34da6a3ce929d0e0e4736:0:0:1'); // { valid: false, reason: 'span-id is all zeros' }
 */
export function parseJaeger(header: string): ParseResult<JaegerContext> {
  const text = trimOws(header).replace(/%3a/gi, ':');
  const fields = text.split(':');
  if (fields.length !== 4) {
    return invalid(`uber-trace-id must be trace-id:span-id:parent-span-id:flags (4 fields), got ${quote(text)}`);
  }
  const [rawTrace = '', rawSpan = '', rawParent = '', rawFlags = ''] = fields;
  const problem =
    idProblem('trace-id', rawTrace, 32) ??
    idProblem('span-id', rawSpan, 16) ??
    (isAllZeros(rawParent) && rawParent !== '' ? undefined : idProblem('parent-span-id', rawParent, 16));
  if (problem) return invalid(problem);
  if (!/^[0-9a-fA-F]{1,2}$/.test(rawFlags))
    return invalid(`flags must be 1 or 2 hex characters, got ${quote(rawFlags)}`);
  const flags = Number.parseInt(rawFlags, 16);
  const parentSpanId = isAllZeros(rawParent) ? undefined : rawParent.toLowerCase().padStart(16, '0');
  return ok({
    traceId: rawTrace.toLowerCase().padStart(32, '0'),
    spanId: rawSpan.toLowerCase().padStart(16, '0'),
    ...(parentSpanId ? { parentSpanId } : {}),
    flags,
    sampled: (flags & 1) === 1,
    debug: (flags & 2) === 2,
  });
}

function idProblem(name: string, text: string, max: number): string | undefined {
  if (text === '') return `${name} is empty`;
  if (text.length > max) return `${name} must be at most ${max} hex characters, got ${text.length} (${quote(text)})`;
  if (!isHex(text)) return `${name} contains a character that is not hex (${quote(text)})`;
  if (isAllZeros(text)) return `${name} is all zeros`;
  return undefined;
}
