import { parseDuration } from './durationUnits.ts';
import type { SelectorValue } from './SelectorAst.ts';

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Types an unquoted value: a number, a duration (`200ms`), `true`/`false`, or else a string. */
export function classifyWord(word: string): SelectorValue {
  if (NUMBER.test(word)) return { type: 'number', value: Number(word) + 0 };
  if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true' };
  const nanos = parseDuration(word);
  if (nanos !== undefined) return { type: 'duration', nanos };
  return { type: 'string', value: word };
}
