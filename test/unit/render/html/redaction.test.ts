import { TraceSet } from 'tracespec';
import { reportRedactions } from 'tracespec/reporter';
import { describe, expect, test } from 'vitest';
import { buildIndexPage } from '../../../../src/render/html/buildIndexPage.ts';
import { buildTracePage } from '../../../../src/render/html/buildTracePage.ts';
import { redactMessage, redactTraces } from '../../../../src/snapshot/redactTraces.ts';
import { pageDataOf } from '../../../support/pageData.ts';
import { makeSpan } from '../../../support/spanBuilder.ts';

const orderIds = { name: 'order-id', value: /\bord_[a-z0-9]+\b/g, replacement: '<order-id>' };

function secretTraces(): TraceSet {
  const root = makeSpan({
    name: 'GET /orders/ord_4f2a',
    service: 'shop',
    attributes: { 'http.request.header.authorization': 'Bearer abc.def', 'order.id': 'ord_4f2a' },
    events: [{ name: 'lookup ord_4f2a', timeUnixNano: 0n, attributes: { 'db.password': 'hunter2' } }],
    status: { code: 'error', message: 'no order ord_4f2a' },
  });
  const child = makeSpan({
    parent: root,
    name: 'SELECT',
    links: [{ traceId: root.traceId, spanId: root.spanId, attributes: { why: 'retry of ord_4f2a' } }],
  });
  return TraceSet.fromSpans([root, child]);
}

describe('every value the page shows goes through the one redaction (redactTraces / redactMessage)', () => {
  test('by default (reportRedactions): credentials in attributes named like secrets, and Bearer values', () => {
    const html = buildTracePage({
      title: 'checkout',
      traces: secretTraces(),
      failures: [{ message: 'sent Authorization: Bearer abc.def' }],
    });
    expect(html).not.toContain('abc.def');
    expect(html).not.toContain('hunter2');
    const data = pageDataOf(html);
    expect(data.spans[0]?.a).toContainEqual([
      'http.request.header.authorization',
      expect.stringMatching(/^<redacted:secret-key#[0-9a-f]{4}>$/),
      's',
    ]);
    expect(data.spans[0]?.ev[0]?.a).toEqual([['db.password', expect.stringMatching(/^<redacted:secret-key#/), 's']]);
    expect(data.failures[0]?.message).toMatch(/^sent Authorization: Bearer <redacted:bearer#[0-9a-f]{4}>$/);
    // Ids and ports are what a person debugging needs: the default keeps them.
    expect(data.spans[0]?.a).toContainEqual(['order.id', 'ord_4f2a', 's']);
  });

  test('a rule of the caller applies to names, attributes, events, links, status, title and messages', () => {
    const html = buildTracePage(
      {
        title: 'order ord_4f2a',
        subtitle: 'ord_4f2a.test.ts',
        traces: secretTraces(),
        failures: [{ message: 'expected ord_4f2a to exist' }],
      },
      { redact: [...reportRedactions, orderIds] },
    );
    expect(html).not.toContain('ord_4f2a');
    const data = pageDataOf(html);
    expect(data.title).toBe('order <order-id>');
    expect(data.spans[0]?.n).toBe('GET /orders/<order-id>');
    expect(data.spans[0]?.sm).toBe('no order <order-id>');
    expect(data.spans[0]?.ev[0]?.n).toBe('lookup <order-id>');
    expect(data.spans[1]?.l[0]?.a).toEqual([['why', 'retry of <order-id>', 's']]);
    expect(data.failures[0]?.message).toBe('expected <order-id> to exist');
  });

  test('the index redacts names and messages the same way; no rules means values as recorded', () => {
    const index = buildIndexPage([{ test: 'order ord_4f2a', file: 'a.test.ts', message: 'no ord_4f2a' }], {
      redact: [orderIds],
    });
    expect(index).not.toContain('ord_4f2a');
    expect(index).toContain('&lt;order-id&gt;');
    const raw = redactTraces(secretTraces(), []);
    expect(raw.spans[0]?.attributes['http.request.header.authorization']).toBe('Bearer abc.def');
    expect(redactMessage('Bearer abc.def', [])).toBe('Bearer abc.def');
  });
});
