// Behaviours that a deliberate breakage once left unnoticed (issue 16): each test here fails if the code ignores
// what it checks.
import { hasParent, hasSpan, matchesSelector, type Span, Trace, TraceSet } from 'tracespec';
import 'tracespec/vitest';
import { describe, expect, test } from 'vitest';
import { sameClock } from '../../../src/model/sameClock.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const withResource = (span: Span, resource: Record<string, string>): Span => ({
  ...span,
  resource: { ...span.resource, ...resource },
});

describe('toHaveSpan({ resource })', () => {
  const span = withResource(makeSpan({ name: 'GET /stock', service: 'inventory' }), {
    'deployment.environment.name': 'test',
    'service.version': '1.4.2',
  });
  const set = TraceSet.fromSpans([span]);

  test('passes when the resource attributes match, fails when one differs or is absent', () => {
    expect(set).toHaveSpan({ name: 'GET /stock', resource: { 'service.version': '1.4.2' } });
    expect(set).not.toHaveSpan({ name: 'GET /stock', resource: { 'service.version': '2.0.0' } });
    expect(set).not.toHaveSpan({ resource: { 'k8s.pod.name': 'inventory-0' } });
    const failed = hasSpan(set, { resource: { 'service.version': '2.0.0' } });
    expect(failed.pass).toBe(false);
    expect(failed.message()).toMatch(/service\.version/);
  });

  test('takes patterns and asymmetric matchers', () => {
    expect(set).toHaveSpan({ resource: { 'service.version': /^1\./ } });
    expect(set).toHaveSpan({ resource: { 'deployment.environment.name': expect.stringContaining('es') } });
    expect(set).not.toHaveSpan({ resource: { 'service.version': /^2\./ } });
  });
});

describe('the $= selector operator', () => {
  const apple = makeSpan({ name: 'GET', attributes: { 'url.path': '/stock/apple' } });
  const middle = makeSpan({ name: 'GET', attributes: { 'url.path': '/apple/stock' } });
  const trace = Trace.of([apple, middle].map((span, i) => ({ ...span, spanId: `${i + 1}`.padStart(16, '0') })));

  test('matches a value that ends with the text, not one that only contains it', () => {
    const [first, second] = trace.spans as [Span, Span];
    expect(matchesSelector(first, '[url.path$=/apple]', trace)).toBe(true);
    expect(matchesSelector(second, '[url.path$=/apple]', trace)).toBe(false);
    expect(matchesSelector(second, '[url.path*=/apple]', trace)).toBe(true);
    expect(matchesSelector(first, '[url.path$=/stock]', trace)).toBe(false);
    expect(matchesSelector(second, '[url.path$=/stock]', trace)).toBe(true);
  });
});

describe('toHaveParent with the parent span itself', () => {
  const parent = makeSpan({ traceId: 'a'.repeat(32), spanId: '00000000000000a1', name: 'POST /checkout' });
  const child = makeSpan({ traceId: 'a'.repeat(32), spanId: '00000000000000b2', parent, name: 'charge' });
  // The same span id in another trace: not the parent.
  const lookalike = { ...parent, traceId: 'b'.repeat(32) };

  test('requires the same trace id as well as the same span id', () => {
    expect(hasParent(child, parent).pass).toBe(true);
    expect(hasParent(child, lookalike).pass).toBe(false);
    expect(child).not.toHaveParent(lookalike);
  });
});

describe('two instances of one service do not share a clock', () => {
  const a = makeSpan({ service: 'orders' });
  const b = makeSpan({ service: 'orders' });

  test.for(['service.instance.id', 'process.pid', 'container.id', 'host.id', 'host.name', 'k8s.pod.uid'])(
    'told apart by %s',
    (key) => {
      expect(sameClock(withResource(a, { [key]: 'one' }), withResource(b, { [key]: 'two' }))).toBe(false);
      expect(sameClock(withResource(a, { [key]: 'one' }), withResource(b, { [key]: 'one' }))).toBe(true);
    },
  );

  test('the same service with nothing that differs shares a clock; another service does not', () => {
    expect(sameClock(a, b)).toBe(true);
    expect(sameClock(withResource(a, { 'host.name': 'x' }), b)).toBe(true);
    expect(sameClock(a, makeSpan({ service: 'payments' }))).toBe(false);
  });

  test('a child that starts 3ms before its parent in another instance is clock skew, in the same instance it is not', () => {
    const parentSpan = makeSpan({
      traceId: 'c'.repeat(32),
      spanId: '00000000000000c1',
      service: 'orders',
      start: 10,
      end: 50,
    });
    const childSpan = makeSpan({
      traceId: 'c'.repeat(32),
      spanId: '00000000000000c2',
      parent: parentSpan,
      service: 'orders',
      start: 7,
      end: 20,
    });
    const sameInstance = Trace.of([
      withResource(parentSpan, { 'service.instance.id': 'i-1' }),
      withResource(childSpan, { 'service.instance.id': 'i-1' }),
    ]);
    const twoInstances = Trace.of([
      withResource(parentSpan, { 'service.instance.id': 'i-1' }),
      withResource(childSpan, { 'service.instance.id': 'i-2' }),
    ]);
    // Within one clock 1ms is tolerated; between two, 5ms of skew.
    expect(() => expect(sameInstance).toHaveSpansWithinParents()).toThrow();
    expect(twoInstances).toHaveSpansWithinParents();
  });
});
