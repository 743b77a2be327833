import { readdirSync, readFileSync } from 'node:fs';
import { normalizeTraces, renderSnapshot, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { diffSnapshots } from '../../../src/snapshot/diffSnapshots.ts';
import { parseSnapshot } from '../../../src/snapshot/parseSnapshot.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const stored = (dir: string) =>
  readdirSync(new URL(dir, import.meta.url))
    .filter((name) => name.endsWith('.trace.txt'))
    .map((name) => readFileSync(new URL(`${dir}${name}`, import.meta.url), 'utf8'));

describe('parseSnapshot reads a printed shape back', () => {
  test('every stored trace snapshot of this repository prints back byte for byte', () => {
    const files = [...stored('./__snapshots__/'), ...stored('../../../examples/shop/__snapshots__/')];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const text of files) expect(renderSnapshot(parseSnapshot(text))).toBe(text.replace(/\n$/, ''));
  });

  test('statuses, durations, flags, events with tricky values, links, several traces', () => {
    const target = makeSpan({ traceId: '1'.repeat(32), name: 'event', kind: 'producer', service: 'link' });
    const spans = [
      target,
      makeSpan({
        traceId: '2'.repeat(32),
        name: 'with "quotes", commas',
        status: { code: 'error', message: 'a "b", c' },
        start: 0,
        end: 12,
        events: [{ name: 'e', timeUnixNano: 1n, attributes: { list: ['x, y', 'z]'], text: 'a, b: c' } }],
        links: [
          { traceId: target.traceId, spanId: target.spanId, attributes: { why: 'a, b' } },
          { traceId: 'f'.repeat(32), spanId: 'f'.repeat(16), attributes: {} },
        ],
      }),
      makeSpan({ traceId: '3'.repeat(32), parent: '9'.repeat(16), name: 'lost', status: { code: 'ok' }, ended: false }),
    ];
    const shape = normalizeTraces(TraceSet.fromSpans(spans), { durations: [10] });
    const parsed = parseSnapshot(renderSnapshot(shape));
    expect(renderSnapshot(parsed)).toBe(renderSnapshot(shape));
    expect(diffSnapshots(shape, parsed)).toEqual([]);
  });

  test('a line it cannot read is named', () => {
    expect(() => parseSnapshot('trace 1 (1 span)\n  nonsense')).toThrow(
      '[tracespec] not a trace shape: line 2: expected a span line: service kind "name".',
    );
  });
});
