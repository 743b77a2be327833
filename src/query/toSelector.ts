import { parseSelector } from './parseSelector.ts';
import type { SelectorList } from './SelectorAst.ts';

/**
 * A selector as text, or already parsed by {@link parseSelector}.
 *
 * @example
 * const selector: SelectorLike = parseSelector('[db.system=postgresql]');
 */
export type SelectorLike = string | SelectorList;

/**
 * The parsed selector (text is parsed once and cached).
 *
 * @example
 * toSelector('a > b') === toSelector('a > b'); // true
 */
export function toSelector(selector: SelectorLike): SelectorList {
  return typeof selector === 'string' ? parseSelector(selector) : selector;
}
