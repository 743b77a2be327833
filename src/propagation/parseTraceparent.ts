import { hexIdProblem, isHex, isLowerHex, quote } from './hex.ts';
import { invalid, ok, type ParseResult } from './ParseResult.ts';
import type { TraceParent } from './TraceParent.ts';
import { trimOws } from './trimOws.ts';

/** Length of a version-00 traceparent: 2 + 1 + 32 + 1 + 16 + 1 + 2. */
const VERSION_00_LENGTH = 55;

/**
 * Parses a W3C `traceparent` header with the W3C test suite's strictest rules: lower-case hex, exact field
 * lengths, no all-zero ids, version `ff` refused, extra fields accepted only after a `-` in a future version.
 * Pass every received value when the header appeared more than once: a duplicated traceparent is invalid.
 *
 * @example
 * parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
 * // { valid: true, value: { version: '00', traceId: '4bf9…', parentId: '00f0…', traceFlags: 1, sampled: true } }
 * parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01');
 * // { valid: false, reason: 'parent-id is all zeros' }
 */
export function parseTraceparent(header: string | readonly string[]): ParseResult<TraceParent> {
  const values = typeof header === 'string' ? [header] : header;
  if (values.length === 0) return invalid('traceparent is missing');
  if (values.length > 1) return invalid(`traceparent appears ${values.length} times, it must appear once`);
  const text = trimOws(values[0] ?? '');
  if (text === '') return invalid('traceparent is empty');
  const version = text.split('-', 1)[0] ?? '';
  const versionProblem = fieldProblem('version', version);
  if (versionProblem) return invalid(versionProblem);
  if (version === 'ff') return invalid('version ff is forbidden');
  // Version 00 has exactly four fields; a future version may append fields, each after a "-".
  const fields = version === '00' ? text.split('-') : text.slice(0, VERSION_00_LENGTH).split('-');
  if (fields.length < 4) {
    return invalid(`traceparent must be version-traceid-parentid-flags (4 fields joined by "-"), got ${quote(text)}`);
  }
  if (fields.length > 4 && version === '00') {
    return invalid(`version 00 has exactly 4 fields, found extra ${quote(`-${fields.slice(4).join('-')}`)}`);
  }
  const [, traceId = '', parentId = '', flags = ''] = fields;
  const idProblem = hexIdProblem('trace-id', traceId, 32) ?? hexIdProblem('parent-id', parentId, 16);
  if (idProblem) return invalid(idProblem);
  const flagsProblem = fieldProblem('trace-flags', flags);
  if (flagsProblem) return invalid(flagsProblem);
  const rest = version === '00' ? '' : text.slice(VERSION_00_LENGTH);
  if (rest !== '' && !rest.startsWith('-')) {
    return invalid(`a field after trace-flags must start with "-", got ${quote(rest)}`);
  }
  const traceFlags = Number.parseInt(flags, 16);
  return ok({ version, traceId, parentId, traceFlags, sampled: (traceFlags & 1) === 1 });
}

function fieldProblem(name: string, text: string): string | undefined {
  if (text.length !== 2) return `${name} must be 2 hex characters, got ${text.length} (${quote(text)})`;
  if (!isHex(text)) return `${name} contains a character that is not hex (${quote(text)})`;
  if (!isLowerHex(text)) return `${name} must be lower-case hex (${quote(text)})`;
  return undefined;
}
