// Two spans of one service are the same instance only when no instance attribute of their resources differs:
// the diagnosis of lost context ties a split-off trace to a request that the same instance was serving.
import { describe, expect, test } from 'vitest';
import { encloses, sameInstance, startsWithin } from '../../../../src/check/trace/lostContext/spanRelations.ts';
import { makeSpan } from '../../../support/spanBuilder.ts';

const span = (service: string, resource: Record<string, string | number>) => ({
  ...makeSpan({ name: 'GET', service }),
  resource: { 'service.name': service, ...resource },
});

describe('sameInstance', () => {
  test('one differing instance attribute makes two instances, even when the others agree', () => {
    const a = span('orders', { 'host.name': 'node-1', 'service.instance.id': 'a', 'process.pid': 7 });
    const b = span('orders', { 'host.name': 'node-1', 'service.instance.id': 'b', 'process.pid': 7 });
    expect(sameInstance(a, b)).toBe(false);
  });

  test('all instance attributes equal, or unknown on either side: the same instance', () => {
    const a = span('orders', { 'host.name': 'node-1', 'process.pid': 7 });
    expect(sameInstance(a, span('orders', { 'host.name': 'node-1', 'process.pid': 7 }))).toBe(true);
    expect(sameInstance(a, span('orders', { 'container.id': 'c1' }))).toBe(true);
    expect(sameInstance(a, span('orders', {}))).toBe(true);
  });

  test('another service is never the same instance', () => {
    expect(sameInstance(span('orders', { 'host.name': 'n' }), span('inventory', { 'host.name': 'n' }))).toBe(false);
  });
});

describe('encloses and startsWithin, with room for clock skew', () => {
  const ms = (value: number) => 1_700_000_000_000_000_000n + BigInt(value * 1e6);
  const timed = (start: number, end: number) => ({ startTimeUnixNano: ms(start), endTimeUnixNano: ms(end) });
  const skew = 2_000_000n; // 2 ms

  test('an inner span that ends up to the skew after the outer one is still enclosed; further out it is not', () => {
    expect(encloses(timed(0, 10), timed(1, 10), skew)).toBe(true);
    expect(encloses(timed(0, 10), timed(1, 11.5), skew)).toBe(true);
    expect(encloses(timed(0, 10), timed(1, 12.5), skew)).toBe(false);
    expect(encloses(timed(0, 10), timed(-1.5, 9), skew)).toBe(true);
    expect(encloses(timed(0, 10), timed(-2.5, 9), skew)).toBe(false);
  });

  test('a start up to the skew outside the outer span still counts as within it', () => {
    expect(startsWithin(timed(0, 10), timed(11.5, 20), skew)).toBe(true);
    expect(startsWithin(timed(0, 10), timed(12.5, 20), skew)).toBe(false);
    expect(startsWithin(timed(0, 10), timed(-1.5, 20), skew)).toBe(true);
    expect(startsWithin(timed(0, 10), timed(-2.5, 20), skew)).toBe(false);
  });
});
