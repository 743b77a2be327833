import type { Operator, SelectorValue } from './SelectorAst.ts';

// Memo: the RegExp of a pattern value of a parsed (frozen) selector.
const REGEXES = new WeakMap<SelectorValue, RegExp>();

/**
 * Applies one predicate operator to a span's value. A missing value matches nothing (use `:not([key=v])` for
 * "absent or different"); for an array value, the predicate holds when it holds for any element, and `!=` when
 * no element equals the value.
 */
export function valueMatches(
  operator: Operator | undefined,
  expected: SelectorValue | undefined,
  actual: unknown,
): boolean {
  if (actual === undefined || actual === null) return false;
  if (operator === undefined || expected === undefined) return true;
  if (operator === '!=') return !valueMatches('=', expected, actual);
  if (Array.isArray(actual)) return actual.some((item) => valueMatches(operator, expected, item));
  switch (operator) {
    case '=':
      return equals(expected, actual);
    case '^=':
      return text(actual).startsWith(valueText(expected));
    case '$=':
      return text(actual).endsWith(valueText(expected));
    case '*=':
      return text(actual).includes(valueText(expected));
    case '~=':
      return expected.type === 'regex' && regexOf(expected).test(text(actual));
    default:
      return compare(operator, expected, actual);
  }
}

function equals(expected: SelectorValue, actual: unknown): boolean {
  switch (expected.type) {
    case 'duration':
      return actual === expected.nanos;
    case 'regex':
      return false;
    default:
      return actual === expected.value;
  }
}

function compare(operator: '<' | '<=' | '>' | '>=', expected: SelectorValue, actual: unknown): boolean {
  const limit = expected.type === 'duration' ? expected.nanos : expected.type === 'number' ? expected.value : undefined;
  if (limit === undefined || (typeof actual !== 'number' && typeof actual !== 'bigint')) return false;
  if (typeof actual !== typeof limit) return false;
  switch (operator) {
    case '<':
      return actual < limit;
    case '<=':
      return actual <= limit;
    case '>':
      return actual > limit;
    case '>=':
      return actual >= limit;
  }
}

function text(actual: unknown): string {
  return typeof actual === 'string' ? actual : String(actual);
}

function valueText(expected: SelectorValue): string {
  switch (expected.type) {
    case 'regex':
      return `/${expected.source}/${expected.flags}`;
    case 'duration':
      return String(expected.nanos);
    default:
      return String(expected.value);
  }
}

function regexOf(expected: SelectorValue & { type: 'regex' }): RegExp {
  let regex = REGEXES.get(expected);
  if (regex === undefined) {
    // g and y make test() stateful; a predicate must give the same answer every time.
    regex = new RegExp(expected.source, expected.flags.replace(/[gy]/g, ''));
    REGEXES.set(expected, regex);
  }
  return regex;
}
