import { type DurationInput, parseDuration } from '../../../model/duration.ts';
import { failureMarks } from '../../../model/FailureMarks.ts';
import type { Span } from '../../../model/Span.ts';
import type { TraceSet } from '../../../model/TraceSet.ts';
import { formatDuration } from '../../../model/time.ts';
import { renderTraces } from '../../../render/renderTraces.ts';
import type { CheckResult } from '../../CheckResult.ts';
import { checkMessage } from '../../checkMessage.ts';
import { idInName } from './idInName.ts';
import type { QualityOptions, QualityRule } from './QualityOptions.ts';

const DEFAULT_TINY_UNDER: DurationInput = '1ms';
const DEFAULT_TINY_AT_MOST = 50;
const SHOWN = 20;

interface Problem {
  readonly span: Span;
  readonly rule: QualityRule;
  readonly text: string;
}

/**
 * Checks the instrumentation itself: span names without ids in them (`GET /orders/8412` makes one name per order;
 * name it by its route), no flood of tiny internal spans under one parent, and a `service.name` on every
 * resource. Each problem names the span and what to do.
 *
 * @example
 * isWellInstrumented(traceSet, { tinySpans: { under: '100us', atMost: 20 } });
 */
export function isWellInstrumented(set: TraceSet, options: QualityOptions = {}): CheckResult {
  const skipped = new Set(options.skip ?? []);
  const under = parseDuration(options.tinySpans?.under ?? DEFAULT_TINY_UNDER, 'tinySpans.under');
  const atMost = options.tinySpans?.atMost ?? DEFAULT_TINY_AT_MOST;
  if (!Number.isInteger(atMost) || atMost < 0) {
    throw new Error(`[tracespec] tinySpans.atMost must be a whole number of spans (0 or more), not ${String(atMost)}.`);
  }
  const problems: Problem[] = [];
  const services = new Set<string>();
  for (const trace of set) {
    for (const span of trace.spans) {
      const id = skipped.has('id-in-span-name') ? undefined : idInName(span.name);
      if (id !== undefined) {
        problems.push({
          span,
          rule: 'id-in-span-name',
          text: `its name holds an id (${JSON.stringify(id)}): one name per value; name it by its route or template`,
        });
      }
      const service = span.resource['service.name'];
      if (!skipped.has('service-name') && (typeof service !== 'string' || service.startsWith('unknown_service'))) {
        const key = typeof service === 'string' ? service : '';
        if (!services.has(key)) {
          services.add(key);
          problems.push({
            span,
            rule: 'service-name',
            text: `its resource has ${typeof service === 'string' ? `service.name ${JSON.stringify(service)} (the SDK's default)` : 'no service.name'}: set OTEL_SERVICE_NAME or the resource`,
          });
        }
      }
      if (skipped.has('tiny-span-flood')) continue;
      const tiny = trace
        .children(span)
        .filter((child) => child.kind === 'internal' && child.ended && child.durationNano < under);
      if (tiny.length > atMost) {
        const names = [...new Set(tiny.map((child) => JSON.stringify(child.name)))];
        problems.push({
          span,
          rule: 'tiny-span-flood',
          text: `${tiny.length} internal children shorter than ${formatDuration(under)} (at most ${atMost}): ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}; record them as events or one span`,
        });
      }
    }
  }
  const pass = problems.length === 0;
  const notes = () => {
    const numbers = new Map<Span, number[]>();
    for (const [i, problem] of problems.entries()) {
      numbers.set(problem.span, [...(numbers.get(problem.span) ?? []), i + 1]);
    }
    return new Map<Span, string>([...numbers].map(([span, list]) => [span, `◀ ${list.join(', ')}`]));
  };
  return {
    pass,
    marks: () => failureMarks(notes()),
    message: () => {
      if (pass) {
        return checkMessage({
          expected: 'an instrumentation problem (an id in a span name, a flood of tiny spans, no service.name)',
          received: `none in ${set.spans.length} spans`,
        });
      }
      return checkMessage({
        expected: 'span names without ids, no flood of tiny internal spans, a service.name on every resource',
        received: `${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
        details: [
          ...problems
            .slice(0, SHOWN)
            .map(
              (problem, i) =>
                `  ${i + 1}. ${problem.span.service} ${problem.span.kind} ${JSON.stringify(problem.span.name)} [${problem.rule}]: ${problem.text}`,
            ),
          ...(problems.length > SHOWN ? [`  … and ${problems.length - SHOWN} more`] : []),
        ],
        blocks: [renderTraces(set, { marks: notes(), maxLines: 40 })],
      });
    },
  };
}
