import type { B3Context } from './B3Context.ts';
import type { Baggage } from './Baggage.ts';
import type { JaegerContext } from './JaegerContext.ts';
import type { ParseResult } from './ParseResult.ts';
import type { TraceParent } from './TraceParent.ts';
import type { TraceState } from './TraceState.ts';

/**
 * Every propagation header found on a request, each parsed on its own. A key is absent when its header was not
 * sent; a header that was sent but is malformed holds `{ valid: false, reason }`.
 *
 * @example
 * const carried: CarriedContext = readCarriedContext({ traceparent: '00-4bf9…-00f0…-01' });
 * if (carried.traceparent?.valid) console.log(carried.traceparent.value.traceId);
 */
export interface CarriedContext {
  readonly traceparent?: ParseResult<TraceParent>;
  readonly tracestate?: ParseResult<TraceState>;
  readonly baggage?: ParseResult<Baggage>;
  readonly b3?: ParseResult<B3Context>;
  readonly b3multi?: ParseResult<B3Context>;
  readonly jaeger?: ParseResult<JaegerContext>;
  /** From the `uberctx-*` headers. */
  readonly jaegerBaggage?: ParseResult<Readonly<Record<string, string>>>;
}
