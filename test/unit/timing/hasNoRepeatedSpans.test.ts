import { hasNoRepeatedSpans, TraceSet } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { timedTrace } from '../../support/timedTrace.ts';

const select = (i: number) => ({
  name: 'SELECT items',
  kind: 'client' as const,
  start: 10 + i * 10,
  end: 18 + i * 10,
  attributes: { 'db.system': 'postgresql', 'db.query.text': `SELECT * FROM items WHERE id = ${i}` },
});

const nPlusOne = () =>
  new TraceSet([
    timedTrace({
      name: 'GET /orders',
      kind: 'server',
      start: 0,
      end: 60,
      children: [
        {
          name: 'SELECT orders',
          kind: 'client',
          start: 1,
          end: 9,
          attributes: { 'db.system': 'postgresql', 'db.query.text': 'SELECT * FROM orders' },
        },
        ...[0, 1, 2, 3].map(select),
      ],
    }).trace,
  ]);

const db = { attributes: { 'db.system': 'postgresql' } };

describe('hasNoRepeatedSpans', () => {
  it('catches siblings of one shape under one parent, whatever their parameters', () => {
    const result = hasNoRepeatedSpans(nPlusOne(), db);
    expect(result.pass).toBe(false);
    expect(result.message()).toMatchInlineSnapshot(`
      "Expected: no parent with more than 1 sibling span of one shape matching { attributes: { db.system: "postgresql" } }
      Received: 1 group of repeated spans:
        1. 4 × app client "SELECT items" {db.query.text, db.system}
           under app server "GET /orders" 60ms

      trace d5fc75475c8520b35e4a16635edfba3a (6 spans, 60ms; one █ = 1.5ms)
                                         0ms                                 60ms
        GET /orders                      ████████████████████████████████████████    60ms
        ├─ SELECT items                  ······██████····························     8ms  ◀ 1: 1 of 4
        ├─ SELECT items                  ·············██████·····················     8ms  ◀ 1: 2 of 4
        ├─ SELECT items                  ····················██████··············     8ms  ◀ 1: 3 of 4
        └─ SELECT items                  ··························██████········     8ms  ◀ 1: 4 of 4"
    `);
  });

  it('allows up to max spans of one shape', () => {
    expect(hasNoRepeatedSpans(nPlusOne(), db, { max: 4 }).pass).toBe(true);
    expect(hasNoRepeatedSpans(nPlusOne(), db, { max: 3 }).pass).toBe(false);
  });

  it('passes when the loop became one query', () => {
    const fixed = new TraceSet([
      timedTrace({
        name: 'GET /orders',
        kind: 'server',
        start: 0,
        end: 20,
        children: [select(0), { ...select(1), name: 'SELECT orders' }],
      }).trace,
    ]);
    expect(hasNoRepeatedSpans(fixed, db).pass).toBe(true);
  });

  it('only looks under the spans `under` matches', () => {
    expect(hasNoRepeatedSpans(nPlusOne(), db, { under: { name: 'GET /orders' } }).pass).toBe(false);
    expect(hasNoRepeatedSpans(nPlusOne(), db, { under: { name: 'POST /other' } }).pass).toBe(true);
  });

  it('does not group spans of different parents', () => {
    const spread = new TraceSet([
      timedTrace({
        name: 'batch',
        start: 0,
        end: 100,
        children: [0, 1, 2].map((i) => ({ name: `item ${i}`, start: i * 30, end: i * 30 + 20, children: [select(i)] })),
      }).trace,
    ]);
    expect(hasNoRepeatedSpans(spread, db).pass).toBe(true);
  });

  it('takes selectors for the spans and for `under`', () => {
    expect(hasNoRepeatedSpans(nPlusOne(), '[db.system=postgresql]', { under: '[kind=server]:root' }).pass).toBe(false);
    expect(hasNoRepeatedSpans(nPlusOne(), '"SELECT orders"').pass).toBe(true);
    expect(hasNoRepeatedSpans(nPlusOne(), '[db.system=postgresql]', { under: '"POST /other"' }).pass).toBe(true);
  });

  it('rejects a bad max', () => {
    expect(() => hasNoRepeatedSpans(nPlusOne(), db, { max: 0 })).toThrowError(
      '[tracespec] toHaveNoRepeatedSpans(): option `max` must be a whole number >= 1, got 0.',
    );
  });
});
