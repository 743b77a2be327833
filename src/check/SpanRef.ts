import type { Span } from '../model/Span.ts';
import type { SpanExpectation } from './SpanExpectation.ts';

/**
 * A way to point at spans in timing matchers: a recorded span itself, or a partial span that every matching
 * span satisfies. (Selector strings will join here.)
 *
 * @example
 * const stock: SpanRef = { name: 'GET /stock', kind: 'client' };
 * expect(priceSpan).toStartAfterEndOf(stock);
 */
export type SpanRef = Span | SpanExpectation;
