import { hasNoSensitiveData, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.Zm9vYmFyc2lnbmF0dXJl';

function leakyTraces(): TraceSet {
  const root = makeSpan({
    traceId: 'c'.repeat(32),
    spanId: '0000000000000001',
    name: 'POST /login',
    kind: 'server',
    service: 'auth',
    start: 0,
    end: 20,
    attributes: { 'http.request.header.authorization': ['Bearer abc123'], 'http.route': '/login' },
  });
  const db = makeSpan({
    parent: root,
    spanId: '0000000000000002',
    name: 'UPDATE users',
    kind: 'client',
    service: 'auth',
    start: 2,
    end: 9,
    attributes: { 'db.query.text': "UPDATE users SET password = 'hunter2' WHERE id = 7" },
    events: [
      {
        name: 'exception',
        timeUnixNano: 0n,
        attributes: {
          'exception.message': `token ${JWT} rejected`,
          'exception.stacktrace': 'Error: at verify (/srv/auth.js:12)\n  Authorization: Basic YWxhZGRpbjpvcGVu',
        },
      },
    ],
  });
  const call = makeSpan({
    parent: root,
    spanId: '0000000000000003',
    name: 'GET',
    kind: 'client',
    service: 'auth',
    start: 10,
    end: 18,
    attributes: { 'url.full': 'https://payments.test/v1/charge?api_key=pk-7781&amount=3' },
    links: [{ traceId: 'd'.repeat(32), spanId: '0000000000000009', attributes: { 'app.card': '4111 1111 1111 1111' } }],
  });
  return TraceSet.fromSpans([root, db, call]);
}

describe('toHaveNoSensitiveData: secrets in names, attributes, events, links and resources', () => {
  test('names each finding: span, field, detector and a masked excerpt; never the secret', () => {
    const message = failureOf(() => expect(leakyTraces()).toHaveNoSensitiveData());
    for (const secret of ['abc123', 'hunter2', JWT, 'YWxhZGRpbjpvcGVu', 'pk-7781', '4111 1111 1111 1111']) {
      expect(message).not.toContain(secret);
    }
    expect(message).toMatchInlineSnapshot(`
      "expect(traces).toHaveNoSensitiveData()

      Expected: no sensitive data in 3 spans of 1 trace
      Received: 6 findings (secrets masked):
        1. auth server "POST /login" attributes["http.request.header.authorization"]: secret-key in "<redacted:secret-key#977b>"
        2. auth client "UPDATE users" attributes["db.query.text"]: assigned-secret in "…TE users SET password = <redacted:assigned-secret#8804> WHERE id = 7"
        3. auth client "UPDATE users" events[0 "exception"].attributes["exception.message"]: jwt in "token <redacted:jwt#c1ce> rejected"
        4. auth client "UPDATE users" events[0 "exception"].attributes["exception.stacktrace"]: basic in "…\\n  Authorization: Basic <redacted:basic#fa64>"
        5. auth client "GET" attributes["url.full"]: query-secret in "….test/v1/charge?api_key=<redacted:query-secret#8298>&amount=3"
        6. auth client "GET" links[0].attributes["app.card"]: card-number in "<redacted:card-number#db23>"

      trace cccccccccccccccccccccccccccccccc (3 spans)
        auth server "POST /login" 20ms  ◀ 1
        ├─ auth client "UPDATE users" 7ms  ◀ 2, 3, 4
        └─ auth client "GET" 8ms  ◀ 5, 6"
    `);
  });

  test('clean traces pass; .not says what was looked at', () => {
    const clean = TraceSet.fromSpans([
      makeSpan({ name: 'GET /orders/:id', kind: 'server', attributes: { 'http.route': '/orders/:id' } }),
    ]);
    expect(clean).toHaveNoSensitiveData();
    expect(failureOf(() => expect(clean).not.toHaveNoSensitiveData())).toMatchInlineSnapshot(`
      "expect(traces).not.toHaveNoSensitiveData()

      Expected: sensitive data in the traces
      Received: none found in 1 span of 1 trace (names, attributes, events, links, resources)"
    `);
  });

  test('resources are scanned, each value once; values the service already masked are not findings', () => {
    const resource = { 'service.name': 'auth', 'deployment.db_password': 's3cr3t-pw' };
    const spans = [1, 2, 3].map((i) => ({
      ...makeSpan({ name: `op ${i}`, attributes: { 'http.request.header.cookie': i === 1 ? '****' : '[REDACTED]' } }),
      resource,
    }));
    const result = hasNoSensitiveData(TraceSet.fromSpans(spans));
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain('resource["deployment.db_password"]: secret-key');
    expect(message.match(/resource\[/g)).toHaveLength(1);
    expect(message).not.toContain('http.request.header.cookie');
    expect(message).not.toContain('s3cr3t-pw');
  });

  test('personal data only when asked: e-mail and IP addresses (loopback is nobody)', () => {
    const set = TraceSet.fromSpans([
      makeSpan({
        name: 'GET /me',
        attributes: {
          'enduser.email': 'alice@example.com',
          'client.address': '203.0.113.7',
          'server.address': '127.0.0.1',
        },
      }),
    ]);
    expect(set).toHaveNoSensitiveData();
    const message = failureOf(() => expect(set).toHaveNoSensitiveData({ pii: true }));
    expect(message).toContain('attributes["enduser.email"]: email in "<redacted:email#');
    expect(message).toContain('attributes["client.address"]: ip in "<redacted:ip#');
    expect(message).not.toContain('server.address');
    expect(message).not.toContain('alice@example.com');
    expect(failureOf(() => expect(set).toHaveNoSensitiveData({ pii: ['ip'] }))).not.toContain('enduser.email');
  });

  test('own detectors (a pattern, a finder, a detector record) and allow-lists of keys and spans', () => {
    const set = TraceSet.fromSpans([
      makeSpan({ name: 'GET /customers/cust_a1b2c3d4e5f6', attributes: { 'app.employee': 'EMP-123456' } }),
      makeSpan({ name: 'GET /health', attributes: { 'http.request.header.x-api-key': 'k-1' } }),
      makeSpan({ name: 'GET /debug', attributes: { 'app.session_count': 3 } }),
    ]);
    const message = failureOf(() =>
      expect(set).toHaveNoSensitiveData({
        detectors: [
          /\bcust_[a-z0-9]{12}\b/,
          { name: 'employee-id', find: (text) => /\bEMP-\d{6}\b/.exec(text)?.[0] },
          { name: 'debug-key', finds: 'a debug key', key: /^app\.debug$/ },
        ],
        allowSpans: ['GET /health'],
      }),
    );
    expect(message).toContain('name: pattern /\\bcust_[a-z0-9]{12}\\b/ in "GET /customers/<redacted:pattern');
    expect(message).toContain('attributes["app.employee"]: employee-id in "<redacted:employee-id#');
    expect(message).toContain('attributes["app.session_count"]: secret-key');
    expect(message).not.toMatch(/\d\. .*"GET \/health"/);
    expect(message).not.toContain('cust_a1b2c3d4e5f6');
    expect(set).toHaveNoSensitiveData({ allowSpans: [/health/, (span) => span.name === 'GET /debug'], allowKeys: [] });
    expect(set).toHaveNoSensitiveData({ allowKeys: ['http.request.header.x-api-key', /session/] });
  });
});
