import type { B3Context } from './B3Context.ts';

const STATE = { accept: '1', deny: '0', debug: 'd' } as const;

/**
 * Formats a B3 single header value. Without ids only the sampling state is written.
 *
 * @example
 * formatB3Single({ traceId: '80f198ee56343ba864fe8b2a57d3eff7', spanId: 'e457b5a2e4d86bd1', sampling: 'accept' });
 * // '80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1'
 * formatB3Single({ sampling: 'deny' }); // '0'
 */
export function formatB3Single(context: B3Context): string {
  const state = context.sampling ? STATE[context.sampling] : undefined;
  if (!context.traceId || !context.spanId) {
    if (!state) throw new Error('[tracespec] formatB3Single needs traceId and spanId, or a sampling state');
    return state;
  }
  const fields = [context.traceId, context.spanId];
  if (state || context.parentSpanId) {
    if (!state) throw new Error('[tracespec] formatB3Single: a parentSpanId needs a sampling state before it');
    fields.push(state);
  }
  if (context.parentSpanId) fields.push(context.parentSpanId);
  return fields.join('-');
}
