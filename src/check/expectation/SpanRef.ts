import type { Span } from '../../model/Span.ts';
import type { SpanExpectation } from './SpanExpectation.ts';

/**
 * A way to point at spans in timing matchers: a recorded span itself, a partial span that every matching span
 * satisfies, or a selector (`'checkout > [db.system=postgresql]'`, see docs/selectors.md).
 *
 * @example
 * const stock: SpanRef = { name: 'GET /stock', kind: 'client' };
 * expect(priceSpan).toStartAfterEndOf(stock);
 * expect(traces).toRunInParallel('"POST /checkout" > [kind=client]');
 */
export type SpanRef = Span | SpanExpectation | string;
