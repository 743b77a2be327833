import { Trace } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { skewShifts } from '../../../../src/render/html/skewShifts.ts';
import { makeSpan } from '../../../support/spanBuilder.ts';

function shiftsOf(...spans: ReturnType<typeof makeSpan>[]) {
  const [trace] = Trace.build(spans);
  if (!trace) throw new Error('no trace');
  const { total, own } = skewShifts(trace.spans, trace.parentPositions());
  return trace.spans.map((span, i) => [span.name, Number(total[i]) / 1e6, Number(own[i]) / 1e6]);
}

describe('clock-skew adjustment for display', () => {
  test('a callee on another clock that starts before its caller is moved to its middle; its children move along', () => {
    const client = makeSpan({ service: 'a', kind: 'client', name: 'client', start: 10, end: 30 });
    const server = makeSpan({ service: 'b', kind: 'server', name: 'server', parent: client, start: 6, end: 22 });
    const inner = makeSpan({ service: 'b', name: 'inner', parent: server, start: 8, end: 12 });
    expect(shiftsOf(client, server, inner)).toEqual([
      ['client', 0, 0],
      ['server', 6, 6],
      ['inner', 6, 0],
    ]);
  });

  test('never moved: the same clock (a real finding), a callee longer than its caller, one that fits', () => {
    const parent = makeSpan({ service: 'a', name: 'parent', start: 10, end: 20 });
    const sameClock = makeSpan({ service: 'a', name: 'same clock', parent, start: 5, end: 12 });
    const longer = makeSpan({ service: 'b', name: 'longer', parent, start: 6, end: 30 });
    const fits = makeSpan({ service: 'c', name: 'fits', parent, start: 11, end: 19 });
    expect(shiftsOf(parent, sameClock, longer, fits)).toEqual([
      ['parent', 0, 0],
      ['same clock', 0, 0],
      ['longer', 0, 0],
      ['fits', 0, 0],
    ]);
  });

  test('an open span is not moved', () => {
    const parent = makeSpan({ service: 'a', name: 'parent', start: 10, end: 20 });
    const open = makeSpan({ service: 'b', name: 'open', parent, start: 2, ended: false });
    expect(shiftsOf(parent, open)).toEqual([
      ['parent', 0, 0],
      ['open', 0, 0],
    ]);
  });
});
