import { SpanKind, trace } from '@opentelemetry/api';
import { test } from 'tracespec/vitest';
import { describe, expect } from 'vitest';

const tracer = () => trace.getTracer('query-fixture-test');

describe('selectors on the traces fixture', () => {
  test('find, findOne and toHaveSpan read the test’s own spans', ({ traces }) => {
    tracer().startActiveSpan('POST /checkout', { kind: SpanKind.SERVER }, (root) => {
      tracer()
        .startSpan('SELECT cart', { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql' } })
        .end();
      tracer()
        .startSpan('SELECT user', { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql' } })
        .end();
      root.end();
    });
    expect(traces.find('[db.system=postgresql]').map((span) => span.name)).toEqual(['SELECT cart', 'SELECT user']);
    expect(traces.findOne(':root[kind=server]').name).toBe('POST /checkout');
    expect(() => traces.findOne('"POST /checkout" > *')).toThrow('expected exactly one span, found 2');
    expect(traces).toHaveSpan('"POST /checkout" > "SELECT user":last');
  });
});
