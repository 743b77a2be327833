/**
 * The protocol of vitest's and Jest's asymmetric matchers (`expect.any(Number)`, `expect.stringMatching(...)`).
 *
 * @example
 * const anyNumber: AsymmetricMatcherLike = expect.any(Number);
 */
export interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
  toString?(): string;
  toAsymmetricMatcher?(): string;
}

/** True for an asymmetric matcher such as `expect.any(String)`. */
export function isAsymmetric(value: unknown): value is AsymmetricMatcherLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === 'function'
  );
}

/**
 * Matches one expected field value against an actual one: asymmetric matchers ask themselves, a RegExp tests a
 * string, arrays compare element-wise, anything else by `Object.is` (numbers and bigints by value).
 */
export function matchesValue(expected: unknown, actual: unknown): boolean {
  if (isAsymmetric(expected)) return expected.asymmetricMatch(actual);
  if (expected instanceof RegExp) {
    if (typeof actual !== 'string') return false;
    expected.lastIndex = 0;
    return expected.test(actual);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((item, i) => matchesValue(item, actual[i]))
    );
  }
  if (typeof expected === 'bigint' && typeof actual === 'number') return Number(expected) === actual;
  if (typeof expected === 'number' && typeof actual === 'bigint') return expected === Number(actual);
  return Object.is(expected, actual);
}

/** Prints an expected value the way a user wrote it. */
export function describeExpected(expected: unknown): string {
  if (isAsymmetric(expected)) {
    const own = typeof expected.toAsymmetricMatcher === 'function' ? expected.toAsymmetricMatcher() : undefined;
    if (typeof own === 'string') return own;
    const sample = (expected as { sample?: unknown }).sample;
    const inverse = (expected as { inverse?: boolean }).inverse === true ? 'Not' : '';
    const name = `${inverse}${String(expected)}`;
    if (sample === undefined) return name;
    return `${name} ${sample instanceof RegExp ? String(sample) : describeValue(sample)}`;
  }
  if (expected instanceof RegExp) return String(expected);
  return describeValue(expected);
}

/** Prints an actual value compactly (strings quoted). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${key}: ${describeExpected(item)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return String(value);
}
