import { Cursor } from './Cursor.ts';
import { parseList } from './parseList.ts';
import type { SelectorList } from './SelectorAst.ts';

const CACHE_LIMIT = 1000;
// Memo: parsed selectors by text, a pure function of the text (the same text gives the same frozen tree, which
// lets evaluation results be cached per trace); the oldest go past CACHE_LIMIT.
const cache = new Map<string, SelectorList>();

/**
 * Parses a selector into a frozen syntax tree. Results are cached by text, so a selector used in a loop is parsed
 * once and the same object comes back (which also lets evaluation results be cached per trace).
 *
 * @example
 * const selector = parseSelector('checkout > [db.system=postgresql]:not(:error)');
 * selector === parseSelector('checkout > [db.system=postgresql]:not(:error)'); // true
 */
export function parseSelector(text: string): SelectorList {
  if (typeof text !== 'string') {
    throw new TypeError(`[tracespec] a selector must be a string, got ${typeof text}.`);
  }
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const cursor = new Cursor(text);
  const list = parseList(cursor, false);
  cursor.skipSpace();
  if (!cursor.done) cursor.fail('a combinator (" ", ">", "~"), "," or the end of the selector');
  deepFreeze(list);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(text, list);
  return list;
}

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const item of Object.values(value)) if (typeof item === 'object' && item !== null) deepFreeze(item);
}
