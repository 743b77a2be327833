import { isSpan } from '../../model/isSpan.ts';
import type { Trace } from '../../model/Trace.ts';
import { matchesSelector } from '../../query/find.ts';
import { parseSelector } from '../../query/parseSelector.ts';
import type { AsymmetricMatcherLike } from './asymmetric.ts';

/**
 * An asymmetric matcher that accepts a span matching a selector within the given trace (without one it accepts
 * nothing and only shows the selector), printed as `Selector("...")` in messages. The selector is parsed at once,
 * so a typo fails early.
 *
 * @example
 * selectorMatcher('[kind=client]', trace).asymmetricMatch(span); // true or false
 */
export function selectorMatcher(selector: string, trace: Trace | undefined): AsymmetricMatcherLike {
  const parsed = parseSelector(selector);
  return {
    asymmetricMatch: (value: unknown) => trace !== undefined && isSpan(value) && matchesSelector(value, parsed, trace),
    toString: () => `Selector(${JSON.stringify(selector)})`,
    toAsymmetricMatcher: () => `Selector(${JSON.stringify(selector)})`,
  };
}
