// The worked example of CONTRIBUTING.md, "Adding a matcher", run for real: a check, its family entry, its test.
// (In the repository the check goes to src/check/span/ and the entry to src/vitest/matchers/span.ts; here they live
// in test/support/hasKind.ts and this file, so that the example stays true without a matcher nobody asked for.)
import { type SpanKind, Trace } from 'tracespec';
import { inTrace } from 'tracespec/vitest';
import { describe, expect, test } from 'vitest';
import { defineMatchers, toMatcher } from '../../../src/vitest/toMatcher.ts';
import { failureOf } from '../../support/failure.ts';
import { hasKind } from '../../support/hasKind.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

interface KindMatchers<R = unknown> {
  /**
   * The span has this kind.
   *
   * @example
   * expect(span).toHaveKind('server');
   */
  toHaveKind(kind: SpanKind): R;
}

const kindMatchers = defineMatchers<KindMatchers>({
  toHaveKind: toMatcher('span', ({ span, trace }, kind: SpanKind) => hasKind(span, kind, trace)),
});

declare module 'vitest' {
  interface Matchers<R, T> extends KindMatchers<R> {}
}

expect.extend(kindMatchers);

describe('the worked example of CONTRIBUTING.md: a matcher', () => {
  const root = makeSpan({ traceId: '9'.repeat(32), name: 'GET /orders', kind: 'server', start: 0, end: 5 });
  const query = makeSpan({ parent: root, name: 'SELECT orders', kind: 'client', start: 1, end: 3 });
  const trace = Trace.of([root, query]);

  test('the check', () => {
    expect(hasKind(query, 'client', trace).pass).toBe(true);
    expect(hasKind(query, 'server', trace).pass).toBe(false);
  });

  test('the matcher, with the message every span matcher has', () => {
    expect(inTrace(query, trace)).toHaveKind('client');
    expect(inTrace(query, trace)).not.toHaveKind('server');
    expect(failureOf(() => expect(inTrace(query, trace)).toHaveKind('server'))).toMatchInlineSnapshot(`
      "expect(span).toHaveKind(expected)

      Expected: kind "server"
      Span: test client "SELECT orders" 2ms

        kind: expected "server", received "client"

      trace 99999999999999999999999999999999 (2 spans)
        test server "GET /orders" 5ms
        └─ test client "SELECT orders" 2ms  ◀ this span"
    `);
    expect(() => expect('SELECT orders').toHaveKind('client')).toThrow('toHaveKind() expects a recorded span');
  });
});
