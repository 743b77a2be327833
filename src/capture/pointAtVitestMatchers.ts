// When an entry point other than `tracespec/vitest` is imported inside a vitest run, a tracespec matcher used
// without `import 'tracespec/vitest'` would fail with chai's "Invalid Chai property: toHaveSpan". This registers,
// for each name not registered yet, a stand-in that says what to import. It reads vitest's global `expect` by its
// well-known symbol, so the entry points import nothing of vitest (and do nothing outside vitest).

/** The names of tracespec's matchers (pinned to `tracespecMatchers` by test/unit/vitest/missingMatchers.test.ts). */
export const TRACESPEC_MATCHER_NAMES: readonly string[] = Object.freeze([
  'toBeConnected',
  'toBeRoot',
  'toBeWellInstrumented',
  'toBeWithinParent',
  'toCarryBaggage',
  'toCarryTraceContext',
  'toEndBefore',
  'toEventuallyHaveSpan',
  'toFollowSemanticConventions',
  'toHaveAttributes',
  'toHaveCriticalPath',
  'toHaveDuration',
  'toHaveEvent',
  'toHaveNoErrors',
  'toHaveNoRepeatedSpans',
  'toHaveNoSensitiveData',
  'toHaveParent',
  'toHaveSentRequest',
  'toHaveServiceGraph',
  'toHaveSpan',
  'toHaveSpanTree',
  'toHaveSpansWithinParents',
  'toHaveStatus',
  'toMatchTraceFileSnapshot',
  'toMatchTraceInlineSnapshot',
  'toMatchTraceSnapshot',
  'toOverlap',
  'toPropagate',
  'toPropagateTo',
  'toRunInParallel',
  'toRunInSequence',
  'toStartAfter',
  'toStartAfterEndOf',
]);

interface GlobalExpectLike {
  extend(matchers: Record<string, (...args: unknown[]) => never>): void;
}

/** The message of a tracespec matcher used where `tracespec/vitest` was not imported. */
export function missingMatcherMessage(name: string): string {
  return (
    `[tracespec] ${name} is a tracespec matcher, and tracespec's matchers are registered by \`import 'tracespec/vitest'\`. ` +
    'Add that import to this test file (or to a vitest setup file, `test.setupFiles`), or register them on your own ' +
    "expect: `import { tracespecMatchers } from 'tracespec/vitest'; expect.extend(tracespecMatchers)`."
  );
}

/**
 * Internal: under vitest, registers a stand-in for each tracespec matcher not registered yet, which fails with
 * {@link missingMatcherMessage}; `import 'tracespec/vitest'` (before or after) puts the real ones in place.
 */
export function pointAtVitestMatchers(): void {
  const global = globalThis as Record<symbol, unknown>;
  const expect = global[Symbol.for('expect-global')] as GlobalExpectLike | undefined;
  if (typeof expect?.extend !== 'function') return;
  const registered = (global[Symbol.for('$$jest-matchers-object')] as { matchers?: object } | undefined)?.matchers;
  const missing = TRACESPEC_MATCHER_NAMES.filter((name) => registered === undefined || !(name in registered));
  if (missing.length === 0) return;
  expect.extend(
    Object.fromEntries(
      missing.map((name) => [
        name,
        () => {
          throw new Error(missingMatcherMessage(name));
        },
      ]),
    ),
  );
}
