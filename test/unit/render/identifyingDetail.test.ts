import { renderTraces, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { describeSpan } from '../../../src/render/describeSpan.ts';
import { makeSpan } from '../../support/spanBuilder.ts';
import { buildTrace, node } from '../../support/traceBuilder.ts';

describe('generic span names get the attribute that tells them apart', () => {
  test('three "GET" client spans of the http instrumentation can be told apart in a failure tree', () => {
    const trace = buildTrace(
      node({ name: 'POST', service: 'shop', kind: 'server', attributes: { 'http.route': '/checkout' } }, [
        node({
          name: 'GET',
          service: 'shop',
          kind: 'client',
          attributes: { 'url.full': 'http://inventory/stock/apple' },
        }),
        node({
          name: 'GET',
          service: 'shop',
          kind: 'client',
          attributes: { 'url.full': 'http://inventory/stock/pear' },
        }),
        node({ name: 'GET', service: 'shop', kind: 'client', attributes: { 'url.full': 'http://pricing/price' } }),
      ]),
    );
    const tree = renderTraces(new TraceSet([trace]));
    expect(tree).toContain('shop server "POST" (http.route: "/checkout") 1ms');
    expect(tree).toContain('shop client "GET" (url.full: "http://inventory/stock/apple") 1ms');
    expect(tree).toContain('shop client "GET" (url.full: "http://inventory/stock/pear") 1ms');
    expect(tree).toContain('shop client "GET" (url.full: "http://pricing/price") 1ms');
  });

  test('the most telling attribute first: route, then path, then the full URL; older conventions too', () => {
    const both = makeSpan({
      name: 'GET',
      attributes: { 'url.full': 'http://a/x?q=1', 'url.path': '/x', 'http.route': '/:id' },
    });
    expect(describeSpan(both)).toContain('"GET" (http.route: "/:id")');
    expect(
      describeSpan(makeSpan({ name: 'GET', attributes: { 'url.path': '/x', 'url.full': 'http://a/x' } })),
    ).toContain('(url.path: "/x")');
    const secret = makeSpan({ name: 'GET', attributes: { 'url.full': 'https://pay.test/charge?api_key=s3cr3t#top' } });
    expect(describeSpan(secret)).toContain('(url.full: "https://pay.test/charge")');
    expect(describeSpan(secret)).not.toContain('s3cr3t');
    expect(describeSpan(makeSpan({ name: 'GET', attributes: { 'http.target': '/old' } }))).toContain(
      '(http.target: "/old")',
    );
  });

  test('database and messaging spans: the query, shortened to one line, and the destination', () => {
    const query = `SELECT id, name, price
      FROM items WHERE id = $1 AND deleted_at IS NULL ORDER BY created_at DESC`;
    const select = makeSpan({ name: 'SELECT', kind: 'client', attributes: { 'db.query.text': query } });
    expect(describeSpan(select)).toContain(
      '"SELECT" (db.query.text: "SELECT id, name, price FROM items WHERE id = $1 AND deleted…")',
    );
    const bySystem = makeSpan({
      name: 'postgresql',
      attributes: { 'db.system': 'postgresql', 'db.statement': 'BEGIN' },
    });
    expect(describeSpan(bySystem)).toContain('"postgresql" (db.statement: "BEGIN")');
    const publish = makeSpan({
      name: 'publish',
      kind: 'producer',
      attributes: { 'messaging.destination.name': 'orders' },
    });
    expect(describeSpan(publish)).toContain('"publish" (messaging.destination.name: "orders")');
  });

  test('specific names, spans without such attributes, and attributes shown at the end are left as they were', () => {
    expect(describeSpan(makeSpan({ name: 'GET /stock', attributes: { 'url.path': '/stock' } }))).not.toContain('(');
    expect(describeSpan(makeSpan({ name: 'GET' }))).toBe('test internal "GET" 0us');
    const shown = makeSpan({ name: 'GET', attributes: { 'url.full': 'http://a/b' } });
    expect(describeSpan(shown, ['url.full'])).toBe('test internal "GET" 0us  {url.full="http://a/b"}');
  });
});
