import { trace } from '@opentelemetry/api';
import { test } from 'tracespec/vitest';
import { describe, expect } from 'vitest';

const tracer = () => trace.getTracer('fixture-test');

describe('the traces fixture', () => {
  test('gives the test its spans', async ({ traces }) => {
    tracer().startActiveSpan('parent', (parent) => {
      tracer().startSpan('child').end();
      parent.end();
    });
    expect(traces.size).toBe(1);
    const only = traces.only();
    expect(only.root?.name).toBe('parent');
    expect(traces).toHaveSpan({ name: 'child', parent: { name: 'parent' } });
  });

  test('starts empty in the next test', ({ traces }) => {
    expect(traces.size).toBe(0);
    expect(traces).not.toHaveSpan({ name: 'parent' });
  });

  test.concurrent.for([1, 2, 3, 4, 5])('concurrent test %i is isolated', async (n, { traces }) => {
    await tracer().startActiveSpan(`work ${n}`, async (span) => {
      // Yield to the other concurrent tests while the span is open.
      await new Promise<void>((resolve) => setImmediate(resolve));
      tracer().startSpan(`step ${n}`).end();
      span.end();
    });
    expect(traces.size).toBe(1);
    expect(traces).toHaveSpan({ name: `step ${n}`, parent: { name: `work ${n}` } });
    expect(traces.spans).toHaveLength(2);
  });
});
