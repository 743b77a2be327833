import type { Span } from '../../src/model/Span.ts';
import { Trace } from '../../src/model/Trace.ts';
import { evaluateSelector } from '../../src/query/evaluateSelector.ts';
import { parseSelector } from '../../src/query/parseSelector.ts';
import { compare } from '../measure.ts';
import { type Row, round } from '../Row.ts';
import { bigTrace } from '../support/bigTrace.ts';

const SELECTOR = '[service=orders] [db.system=postgresql]';

/** Row 3a: a selector with a descendant step over a 100k-span trace vs a hand-written loop doing the same. */
export const query: Row = async () => {
  const [trace] = Trace.build(bigTrace(100_000));
  if (!trace) throw new Error('[bench] no trace');
  const parsed = parseSelector(SELECTOR);
  const indexStarted = performance.now();
  evaluateSelector(trace, parsed); // builds the trace's index once, as the first query of a test does
  const firstQueryMs = performance.now() - indexStarted;
  const handLoop = () => {
    const found: Span[] = [];
    for (const span of trace.spans) {
      if (span.attributes['db.system'] !== 'postgresql') continue;
      for (let up = trace.parent(span); up; up = trace.parent(up)) {
        if (up.service === 'orders') {
          found.push(span);
          break;
        }
      }
    }
    return found;
  };
  const selector = () => {
    // A structurally equal copy misses the per-selector result cache, so every iteration really evaluates.
    const flags = evaluateSelector(trace, structuredClone(parsed));
    const found: Span[] = [];
    for (let i = 0; i < flags.length; i++) if (flags[i] === 1) found.push(trace.spans[i] as Span);
    return found;
  };
  if (selector().length !== handLoop().length) throw new Error('[bench] selector and loop disagree');
  const m = await compare({ selector: { fn: selector }, handLoop: { fn: handLoop } }, { rounds: 5, timeMs: 1000 });
  const ratio = m.selector.medianMs / m.handLoop.medianMs;
  return [
    {
      id: '3a',
      what: `selector "${SELECTOR}" on 100k spans (time)`,
      anchor: 'hand-written loop over trace.spans',
      ratio: round(ratio),
      target: '<= 1.5x',
      met: ratio <= 1.5,
      figures: {
        'selector ms': round(m.selector.medianMs),
        'hand loop ms': round(m.handLoop.medianMs),
        'first query incl. index build ms': round(firstQueryMs),
        matches: selector().length,
        'spread selector ms': `${round(m.selector.spreadMs[0])}..${round(m.selector.spreadMs[1])}`,
        'spread loop ms': `${round(m.handLoop.spreadMs[0])}..${round(m.handLoop.spreadMs[1])}`,
      },
    },
  ];
};
