import { parseSelector } from './parseSelector.ts';
import type { SelectorList } from './SelectorAst.ts';

/** A selector as text, or already parsed by {@link parseSelector}. */
export type SelectorLike = string | SelectorList;

/** The parsed selector (text is parsed once and cached). */
export function toSelector(selector: SelectorLike): SelectorList {
  return typeof selector === 'string' ? parseSelector(selector) : selector;
}
