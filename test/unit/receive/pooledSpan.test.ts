import { describe, expect, test } from 'vitest';
import { pooledSpan, StringPool } from '../../../src/receive/pooledSpan.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

// Sharing strings cannot be seen from JavaScript (equal strings are equal), nor the room a list keeps for items it
// will never get (a decoder's list of one event had room for 17); bench row 11 measures what both save. What
// the tests hold is that a pooled span is the same span in every field, and that shared values cannot be changed.
// (A decoder's new span is pooled in place: compared here with a copy taken before.)
describe('a pooled span', () => {
  const parent = makeSpan({ name: 'GET /orders', kind: 'server', attributes: { 'http.request.method': 'GET' } });
  const child = makeSpan({
    parent,
    name: 'SELECT orders',
    kind: 'client',
    attributes: { 'db.system.name': 'postgresql', rows: 3, cached: false, tags: ['a', 'b'] },
    events: [{ name: 'rows', timeUnixNano: 5n, attributes: { count: 3, table: 'orders' } }],
    links: [{ traceId: 'b'.repeat(32), spanId: 'c'.repeat(16), attributes: { kind: 'retry' } }],
    status: { code: 'error', message: 'timeout' },
  });

  test('equals the decoded span in every field, with and without a parent, events, links and a status message', () => {
    const pool = new StringPool();
    for (const span of [parent, child]) {
      const before = structuredClone(span);
      expect(pooledSpan(span, pool)).toStrictEqual(before);
    }
  });

  test('an attribute named __proto__ stays an own attribute, and the prototype is untouched', () => {
    const attributes: Record<string, string> = { 'http.route': '/a' };
    Object.defineProperty(attributes, '__proto__', {
      value: 'x',
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const pooled = pooledSpan(makeSpan({ attributes }), new StringPool());
    expect(Object.getPrototypeOf(pooled.attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(pooled.attributes, '__proto__')?.value).toBe('x');
    expect(pooled.attributes['http.route']).toBe('/a');
  });

  test('a status without a message and empty lists are shared and frozen', () => {
    const pool = new StringPool();
    const a = pooledSpan(parent, pool);
    const b = pooledSpan(makeSpan({ name: 'other' }), pool);
    expect(a.status).toBe(b.status);
    expect(a.links).toBe(b.links);
    expect(Object.isFrozen(a.status) && Object.isFrozen(a.links) && Object.isFrozen(a.events)).toBe(true);
    expect(pooledSpan(child, pool).status).toEqual({ code: 'error', message: 'timeout' });
  });
});
