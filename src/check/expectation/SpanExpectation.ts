import type { Span, SpanKind, StatusCode } from '../../model/Span.ts';
import type { AsymmetricMatcherLike } from './asymmetric.ts';

/**
 * A string field: the exact string, a RegExp, or an asymmetric matcher (`expect.stringMatching(...)`).
 *
 * @example
 * const names: TextMatcher[] = ['GET /orders', /^GET /, expect.stringContaining('orders')];
 */
export type TextMatcher = string | RegExp | AsymmetricMatcherLike;

/**
 * An expected attribute value: the value itself, a RegExp for strings, or an asymmetric matcher.
 *
 * @example
 * const status: AttributeMatcher = expect.any(Number);
 */
export type AttributeMatcher = string | number | boolean | bigint | RegExp | AsymmetricMatcherLike | readonly unknown[];

/**
 * An expected event: its name, or a partial event.
 *
 * @example
 * const thrown: EventExpectation = { name: 'exception', attributes: { 'exception.type': 'TypeError' } };
 */
export type EventExpectation =
  | TextMatcher
  | {
      readonly name?: TextMatcher;
      readonly attributes?: Readonly<Record<string, AttributeMatcher | undefined>>;
    };

/**
 * An expected status: the code, or a partial status.
 *
 * @example
 * const failed: StatusExpectation = { code: 'error', message: /timeout/ };
 */
export type StatusExpectation =
  | StatusCode
  | AsymmetricMatcherLike
  | { readonly code?: StatusCode | AsymmetricMatcherLike; readonly message?: TextMatcher };

/**
 * A partial span: every field given must match, every field left out is ignored. Attributes, resource attributes
 * and events match as a subset.
 *
 * @example
 * expect(traces).toHaveSpan({
 *   name: 'GET /orders/:id',
 *   kind: 'server',
 *   attributes: { 'http.response.status_code': 200, 'url.path': /^\/orders\// },
 *   parent: { kind: 'client' },
 * });
 */
export interface SpanExpectation {
  readonly name?: TextMatcher;
  readonly kind?: SpanKind | AsymmetricMatcherLike;
  readonly service?: TextMatcher;
  readonly status?: StatusExpectation;
  readonly attributes?: Readonly<Record<string, AttributeMatcher | undefined>>;
  readonly resource?: Readonly<Record<string, AttributeMatcher | undefined>>;
  /** Each listed event must be present (in any order); other events are allowed. */
  readonly events?: readonly EventExpectation[];
  /**
   * The parent must match this partial span or selector (`'[service=gateway][kind=client]'`), be this very span,
   * or (`null`) the span must be a root.
   */
  readonly parent?: SpanExpectation | Span | string | null;
  readonly scope?: TextMatcher | { readonly name?: TextMatcher; readonly version?: TextMatcher };
  readonly traceId?: TextMatcher;
  readonly spanId?: TextMatcher;
  readonly ended?: boolean;
}
