import { normalizeTraces, renderSnapshot, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

describe('trees that are not quite trees', () => {
  test('a parent cycle (a -> b -> a) prints each span once', () => {
    const a = makeSpan({ spanId: 'a'.repeat(16), parent: 'b'.repeat(16), name: 'a' });
    const b = makeSpan({ spanId: 'b'.repeat(16), parent: 'a'.repeat(16), name: 'b' });
    const text = renderSnapshot(normalizeTraces(TraceSet.fromSpans([a, b])));
    expect(text.match(/test internal "a"/g)).toHaveLength(1);
    expect(text.match(/test internal "b"/g)).toHaveLength(1);
  });
});
