import type { B3Context } from './B3Context.ts';
import type { B3MultiHeaders } from './B3MultiHeaders.ts';

/**
 * Formats a B3 context as `X-B3-*` headers (lower-case names). Debug is sent as `X-B3-Flags: 1`.
 *
 * @example
 * formatB3Multi({ traceId: '80f198ee56343ba864fe8b2a57d3eff7', spanId: 'e457b5a2e4d86bd1', sampling: 'deny' });
 * // { 'x-b3-traceid': '80f1…', 'x-b3-spanid': 'e457…', 'x-b3-sampled': '0' }
 */
export function formatB3Multi(context: B3Context): B3MultiHeaders {
  if ((context.traceId === undefined) !== (context.spanId === undefined)) {
    throw new Error('[tracespec] formatB3Multi needs traceId and spanId together, or neither');
  }
  const headers: { -readonly [K in keyof B3MultiHeaders]: string } = {};
  if (context.traceId && context.spanId) {
    headers['x-b3-traceid'] = context.traceId;
    headers['x-b3-spanid'] = context.spanId;
  }
  if (context.parentSpanId) headers['x-b3-parentspanid'] = context.parentSpanId;
  if (context.sampling === 'debug') headers['x-b3-flags'] = '1';
  else if (context.sampling) headers['x-b3-sampled'] = context.sampling === 'accept' ? '1' : '0';
  return headers;
}
