// Two spans of one service are the same instance only when no instance attribute of their resources differs:
// the diagnosis of lost context ties a split-off trace to a request that the same instance was serving.
import { describe, expect, test } from 'vitest';
import { sameInstance } from '../../../../src/check/trace/lostContext/spanRelations.ts';
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
