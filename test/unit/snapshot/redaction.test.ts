import { defaultRedactions, normalizeTraces, type RedactionRule, renderSnapshot, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

function shapeOfAttributes(attributes: Record<string, string | number | string[]>, redact?: RedactionRule[] | false) {
  const span = makeSpan({ name: 'op', attributes });
  return renderSnapshot(normalizeTraces(TraceSet.fromSpans([span]), redact === undefined ? {} : { redact }));
}

describe('default redaction rules', () => {
  test.each([
    ['port keys', { 'server.port': 41234, 'net.peer.port': 5000 }, ['server.port: <port>', 'net.peer.port: <port>']],
    ['ports in URLs', { 'url.full': 'http://localhost:41234/orders?x=1' }, ['"http://localhost:<port>/orders?x=1"']],
    ['ports after an IP', { 'peer.address': '127.0.0.1:8080' }, ['"127.0.0.1:<port>"']],
    ['UUIDs', { 'order.id': 'order 3f2b8c1e-9a7d-4e2f-8b1a-0c9d8e7f6a5b' }, ['"order <uuid>"']],
    [
      'hex ids',
      { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      ['"00-<hex-id>-<hex-id>-01"'],
    ],
    ['ISO timestamps', { 'job.started': 'at 2026-11-25T04:01:02.123Z' }, ['"at <timestamp>"']],
    [
      'timestamp keys',
      { 'messaging.timestamp': 5, created_at: 'yesterday' },
      ['messaging.timestamp: <timestamp>', 'created_at: <timestamp>'],
    ],
    ['epoch milliseconds', { 'cache.expires': 1764043262123 }, ['cache.expires: <timestamp>']],
    ['host names', { 'host.name': 'ci-runner-42', hostname: 'box' }, ['host.name: <host>', 'hostname: <host>']],
    [
      'IP addresses (not loopback)',
      { 'network.peer.address': '172.17.0.3', local: '127.0.0.1' },
      ['"<ip>"', 'local: "127.0.0.1"'],
    ],
    [
      'durations in attributes',
      { 'db.duration': 12.5, 'queue.wait_ms': 3, 'http.latency': 1 },
      ['db.duration: <duration>', 'queue.wait_ms: <duration>', 'http.latency: <duration>'],
    ],
    [
      'stack traces',
      { 'exception.stacktrace': 'Error: x\n    at /home/me/a.ts:1:2' },
      ['exception.stacktrace: <stacktrace>'],
    ],
    [
      'source locations',
      { 'code.lineno': 42, 'code.filepath': '/home/me/a.ts' },
      ['code.lineno: <code-location>', 'code.filepath: <code-location>'],
    ],
  ] as const)('%s', (_rule, attributes, expected) => {
    const text = shapeOfAttributes(attributes as unknown as Record<string, string | number>);
    for (const line of expected) expect(text).toContain(line);
  });

  test('values that are not volatile stay as they are', () => {
    const text = shapeOfAttributes({ 'http.route': '/orders/:id', 'http.status_code': 200, 'db.system': 'postgresql' });
    expect(text).toContain('· http.route: "/orders/:id"');
    expect(text).toContain('· http.status_code: 200');
    expect(text).toContain('· db.system: "postgresql"');
  });

  test('span names, event names and status messages are redacted too', () => {
    const span = makeSpan({
      name: 'GET /orders/3f2b8c1e-9a7d-4e2f-8b1a-0c9d8e7f6a5b',
      status: { code: 'error', message: 'connect ECONNREFUSED 127.0.0.1:41234' },
      events: [{ name: 'retry at 2026-11-25T04:01:02Z', timeUnixNano: 1n, attributes: {} }],
    });
    const text = renderSnapshot(normalizeTraces(TraceSet.fromSpans([span])));
    expect(text).toContain('"GET /orders/<uuid>" error: "connect ECONNREFUSED 127.0.0.1:<port>"');
    expect(text).toContain('event "retry at <timestamp>"');
  });

  test('array values are redacted item by item', () => {
    expect(shapeOfAttributes({ peers: ['localhost:3000', 'db'] })).toContain('· peers: ["localhost:<port>", "db"]');
  });
});

describe('configuring redaction', () => {
  test('extend the defaults with a rule of your own', () => {
    const sku: RedactionRule = { name: 'sku', value: /SKU-\d+/g, replacement: '<sku>' };
    const text = shapeOfAttributes({ item: 'SKU-123 x2', 'server.port': 80 }, [...defaultRedactions, sku]);
    expect(text).toContain('· item: "<sku> x2"');
    expect(text).toContain('· server.port: <port>');
  });

  test('a rule with a key and a value pattern only touches that key', () => {
    const rule: RedactionRule = { name: 'tenant', key: /^tenant$/, value: /\d+/g, replacement: 'N' };
    const text = shapeOfAttributes({ tenant: 't-17', other: 't-17' }, [rule]);
    expect(text).toContain('· tenant: "t-N"');
    expect(text).toContain('· other: "t-17"');
  });

  test('a pattern without the g flag still replaces every match', () => {
    const text = shapeOfAttributes({ ids: 'a1 b2' }, [{ name: 'digit', value: /\d/, replacement: '#' }]);
    expect(text).toContain('· ids: "a# b#"');
  });

  test('drop one default rule by name', () => {
    const withoutIp = defaultRedactions.filter((rule) => rule.name !== 'ip');
    expect(shapeOfAttributes({ peer: '10.0.0.7' }, withoutIp)).toContain('· peer: "10.0.0.7"');
  });

  test('redact: false turns redaction off', () => {
    const text = shapeOfAttributes({ 'server.port': 41234, url: 'http://localhost:41234/' }, false);
    expect(text).toContain('· server.port: 41234');
    expect(text).toContain('· url: "http://localhost:41234/"');
  });
});
