import fc from 'fast-check';
import type { Span } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { compareSpan, spanMatcher, spanMatches } from '../../../../src/check/expectation/compareSpan.ts';
import type { SpanExpectation } from '../../../../src/check/expectation/SpanExpectation.ts';
import { traceArbitrary } from '../../../support/arbitraries.ts';
import { makeSpan } from '../../../support/spanBuilder.ts';

// Partial spans built from a span of the tree (some of its own values, so that spans match), with one value
// changed now and then, and a parent expectation of each form.
const expectationArbitrary = fc.record(
  {
    name: fc.constant(true),
    kind: fc.constant(true),
    service: fc.constant(true),
    status: fc.constant(true),
    x: fc.constant(true),
    y: fc.constant(true),
  },
  { requiredKeys: [] },
);
const changeArbitrary = fc.constantFrom<Partial<SpanExpectation> | undefined>(
  undefined,
  undefined,
  { name: /^GET / },
  { kind: 'server' },
  { attributes: { x: 2 } },
  { status: { code: 'error' } },
);
const parentArbitrary = fc.constantFrom<SpanExpectation['parent'] | undefined>(
  undefined,
  null,
  { name: 'a' },
  '[x=1]',
  { service: 's2' },
);

function expectationFrom(
  span: Span,
  fields: { readonly [key: string]: boolean | undefined },
  change: Partial<SpanExpectation> | undefined,
  parent: SpanExpectation['parent'] | undefined,
): SpanExpectation {
  const attributes: Record<string, unknown> = {};
  if (fields.x) attributes.x = span.attributes.x;
  if (fields.y) attributes.y = span.attributes.y;
  return {
    ...(fields.name ? { name: span.name } : {}),
    ...(fields.kind ? { kind: span.kind } : {}),
    ...(fields.service ? { service: span.service } : {}),
    ...(fields.status ? { status: span.status.code } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes: attributes as SpanExpectation['attributes'] } : {}),
    ...change,
    ...(parent === undefined ? {} : { parent }),
  };
}

describe('spanMatcher', () => {
  it('answers what comparing every field answers, for random partial spans and trees', () => {
    let matched = 0;
    let missed = 0;
    fc.assert(
      fc.property(
        traceArbitrary(20),
        fc.nat(),
        expectationArbitrary,
        changeArbitrary,
        parentArbitrary,
        (trace, pick, fields, change, parent) => {
          const expected = expectationFrom(trace.spans[pick % trace.size] as Span, fields, change, parent);
          const matches = spanMatcher(expected);
          for (const span of trace.spans) {
            const whole = compareSpan(expected, span, trace).every((field) => field.ok);
            expect(matches(span, trace)).toBe(whole);
            expect(spanMatches(expected, span, trace)).toBe(whole);
            if (whole) matched++;
            else missed++;
          }
        },
      ),
      { numRuns: 400 },
    );
    // Guard against a vacuous property: both answers must come up often.
    expect(matched).toBeGreaterThan(50);
    expect(missed).toBeGreaterThan(100);
  });

  it('throws the usage error for a parent it cannot look up even when an earlier field already differs', () => {
    const parent = makeSpan({ name: 'parent' });
    const child: Span = makeSpan({ name: 'child', parent });
    const expected: SpanExpectation = { name: 'something else', parent: { kind: 'server' } };
    expect(() => compareSpan(expected, child, undefined)).toThrow(/a `parent` expectation: .* cannot be looked up/);
    expect(() => spanMatcher(expected)(child, undefined)).toThrow(/a `parent` expectation: .* cannot be looked up/);
    // A root has no parent to look up: no trace is needed.
    expect(spanMatcher(expected)(parent, undefined)).toBe(false);
  });
});
