import { normalizeTraces, type Span, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { diffSnapshots } from '../../../src/snapshot/diffSnapshots.ts';
import { renderSnapshotDiff } from '../../../src/snapshot/renderSnapshotDiff.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const shape = (spans: Span[]) => normalizeTraces(TraceSet.fromSpans(spans));

function checkout(options: { extraCall?: boolean; status?: number; withCache?: boolean; dropStock?: boolean } = {}) {
  const root = makeSpan({
    name: 'POST /checkout',
    kind: 'server',
    service: 'shop',
    attributes: { 'http.response.status_code': options.status ?? 200 },
  });
  const spans = [root];
  if (!options.dropStock) {
    const stock = makeSpan({ parent: root, name: 'GET /stock', kind: 'server', service: 'stock' });
    const cache = makeSpan({ parent: stock, name: 'cache lookup', service: 'stock' });
    const query = makeSpan({
      parent: options.withCache ? cache : stock,
      name: 'SELECT stock',
      kind: 'client',
      service: 'stock',
      attributes: { 'db.system': 'postgresql' },
    });
    spans.push(stock, query);
    if (options.withCache) spans.push(cache);
  }
  if (options.extraCall)
    spans.push(
      makeSpan({
        parent: root,
        name: 'publish',
        kind: 'producer',
        service: 'shop',
        attributes: { 'messaging.system': 'kafka' },
      }),
    );
  return shape(spans);
}

describe('the shape diff', () => {
  test('no changes', () => {
    expect(diffSnapshots(checkout(), checkout())).toEqual([]);
    expect(renderSnapshotDiff(diffSnapshots(checkout(), checkout()))).toBe('no shape changes');
  });

  test('a span that appeared, with its attributes and parent', () => {
    expect(renderSnapshotDiff(diffSnapshots(checkout(), checkout({ extraCall: true })))).toBe(
      '+ appeared: shop producer "publish" {messaging.system: "kafka"} (under shop server "POST /checkout")',
    );
  });

  test('a subtree that disappeared is reported once, with the number of spans below', () => {
    expect(renderSnapshotDiff(diffSnapshots(checkout(), checkout({ dropStock: true })))).toBe(
      '- disappeared: stock server "GET /stock" (under shop server "POST /checkout"), with 1 span below',
    );
  });

  test('a span that moved under another parent', () => {
    expect(renderSnapshotDiff(diffSnapshots(checkout(), checkout({ withCache: true })))).toBe(
      [
        '+ appeared: stock internal "cache lookup" (under stock server "GET /stock")',
        '> moved: stock client "SELECT stock" from under stock server "GET /stock" to under stock internal "cache lookup"',
      ].join('\n'),
    );
  });

  test('a span that changed: status, attributes added, removed and changed, events', () => {
    const before = shape([makeSpan({ name: 'op', attributes: { a: 1, b: 'x' } })]);
    const after = shape([
      makeSpan({
        name: 'op',
        status: { code: 'error', message: 'boom' },
        attributes: { a: 2, c: true },
        events: [{ name: 'exception', timeUnixNano: 1n, attributes: {} }],
      }),
    ]);
    expect(renderSnapshotDiff(diffSnapshots(before, after))).toBe(
      [
        '~ changed: test internal "op" (under (top))',
        '    status: unset -> error: "boom"',
        '    ~ a: 1 -> 2',
        '    - b: "x"',
        '    + c: true',
        '    + event "exception"',
      ].join('\n'),
    );
  });

  test('a renamed parent: it disappears and appears, its children move along', () => {
    const before = shape([
      makeSpan({ spanId: 'a'.repeat(16), name: 'old' }),
      makeSpan({ parent: 'a'.repeat(16), name: 'kid' }),
    ]);
    const after = shape([
      makeSpan({ spanId: 'b'.repeat(16), name: 'new' }),
      makeSpan({ parent: 'b'.repeat(16), name: 'kid' }),
    ]);
    expect(diffSnapshots(before, after).map((change) => change.type)).toEqual(['disappeared', 'appeared', 'moved']);
  });

  test('changed event and link attributes are named', () => {
    const target = makeSpan({ spanId: 'e'.repeat(16), name: 'target' });
    const withLink = (reason: string, code: number) =>
      shape([
        target,
        makeSpan({
          name: 'op',
          events: [{ name: 'retry', timeUnixNano: 1n, attributes: { code } }],
          links: [{ traceId: target.traceId, spanId: target.spanId, attributes: { reason } }],
        }),
      ]);
    expect(renderSnapshotDiff(diffSnapshots(withLink('a', 1), withLink('b', 2)))).toBe(
      [
        '~ changed: test internal "op" (under (top))',
        '    - event "retry" {code: 1}',
        '    + event "retry" {code: 2}',
        '    - link -> a span of the snapshot {reason: "a"}',
        '    + link -> a span of the snapshot {reason: "b"}',
      ].join('\n'),
    );
  });
});

describe('the shape diff with bucketed durations', () => {
  const query = (end: number) =>
    normalizeTraces(TraceSet.fromSpans([makeSpan({ name: 'SELECT stock', kind: 'client', start: 0, end })]), {
      durations: [10, 100],
    });

  test('a span that moved to another duration bucket is a change, with both buckets', () => {
    expect(renderSnapshotDiff(diffSnapshots(query(5), query(50)))).toContain('duration: <10ms -> 10ms..100ms');
    expect(diffSnapshots(query(5), query(7))).toEqual([]);
  });
});
