import type { Span } from '../../model/Span.ts';
import type { CarriedIds } from '../../propagation/CarriedIds.ts';
import { FORMAT_HEADERS, PROPAGATION_FORMATS, type PropagationFormat } from '../../propagation/PropagationFormat.ts';
import { readCarriedIds } from '../../propagation/readCarriedIds.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { describeRequest } from './describeRequest.ts';
import { findSenderSpan } from './findSenderSpan.ts';
import type { OutboundRequest } from './OutboundRequest.ts';
import { assertRequest } from './requestsOf.ts';
import { rightTraceHeader } from './rightTraceHeader.ts';
import type { TraceContextExpectation } from './TraceContextExpectation.ts';
import { testTraceIdOf } from './testTraceIdOf.ts';
import { tracestateProblem } from './tracestateProblem.ts';

/**
 * Checks that a recorded request carries a valid trace-context header of the given format, in the test's trace,
 * whose parent id is the CLIENT span that sent it (when `spans` are given), with the expected sampling flag and
 * tracestate. The message shows the request, its headers and the header it should have carried.
 *
 * @example
 * const result = hasTraceContext(outbound.last, { format: 'b3', spans: store.spans() });
 * expect(result.pass).toBe(true);
 */
export function hasTraceContext(request: unknown, expectation: TraceContextExpectation = {}): CheckResult {
  assertRequest(request, 'toCarryTraceContext');
  const format = expectation.format ?? 'w3c';
  if (!PROPAGATION_FORMATS.includes(format)) {
    throw new TypeError(
      `[tracespec] toCarryTraceContext: format must be one of ${PROPAGATION_FORMATS.join(', ')}, got ${String(format)}`,
    );
  }
  if (expectation.tracestate !== undefined && format !== 'w3c') {
    throw new TypeError(
      `[tracespec] toCarryTraceContext: tracestate is a W3C header; drop it or use format 'w3c', not '${format}'`,
    );
  }
  const spans = expectation.spans ? [...expectation.spans] : undefined;
  const carried = readCarriedIds(request.context, format);
  const ids = carried?.valid ? carried.value : undefined;
  const sender = spans ? findSenderSpan(request, spans, ids?.parentSpanId) : undefined;
  const traceId = expectation.traceId ?? testTraceIdOf(request, spans);
  const problem = !carried
    ? `no ${FORMAT_HEADERS[format]} header`
    : !carried.valid
      ? `${FORMAT_HEADERS[format]} is malformed: ${carried.reason}`
      : (idsProblem(carried.value, expectation, traceId, spans, sender) ?? tracestateProblem(request, expectation));
  const right = rightTraceHeader(format, {
    traceId: traceId ?? ids?.traceId,
    // A CLIENT span in another trace is no right parent either: leave a placeholder then.
    parentSpanId:
      expectation.parentSpanId ??
      (sender && sender.traceId === (traceId ?? sender.traceId) ? sender.spanId : undefined),
    sampled: expectation.sampled ?? ids?.sampled ?? true,
  });
  const actual = headerLines(request, format);
  return {
    pass: problem === undefined,
    actual: actual.join('\n'),
    expected: right.join('\n'),
    message: () =>
      checkMessage({
        expected: `${problem === undefined ? 'not ' : ''}${describeExpectation(format, expectation, traceId)}`,
        received: problem ?? actual.join(', '),
        blocks: [
          [
            describeRequest(request),
            'Right header:',
            ...right.map((line) => `  ${line}`),
            ...(spans && !sender
              ? ['(no CLIENT span was recorded for this request: is its HTTP client instrumented?)']
              : []),
          ],
        ],
      }),
  };
}

function idsProblem(
  ids: CarriedIds,
  expectation: TraceContextExpectation,
  traceId: string | undefined,
  spans: readonly Span[] | undefined,
  sender: Span | undefined,
): string | undefined {
  if (traceId !== undefined && ids.traceId !== traceId) {
    return `trace id ${ids.traceId} is a foreign trace, not the test's trace ${traceId}`;
  }
  if (expectation.parentSpanId !== undefined && ids.parentSpanId !== expectation.parentSpanId) {
    return `parent id ${ids.parentSpanId} is not the expected ${expectation.parentSpanId}`;
  }
  if (expectation.parentSpanId === undefined && spans) {
    const parent = spans.find((span) => span.spanId === ids.parentSpanId && span.traceId === ids.traceId);
    if (!parent) {
      return `parent id ${ids.parentSpanId} is no ended span of trace ${ids.traceId} (a CLIENT span is recorded when it ends: read the response to the end first)`;
    }
    if (parent.kind !== 'client') {
      return `parent id ${ids.parentSpanId} is the ${parent.kind.toUpperCase()} span "${parent.name}", not the CLIENT span that sent the request`;
    }
    // Headers reused from an earlier call point at that call's CLIENT span.
    if (sender && sender.spanId !== parent.spanId) {
      return `parent id ${ids.parentSpanId} is the CLIENT span of another request (${describeClient(parent)}), not ${sender.spanId} that sent this one`;
    }
  }
  if (expectation.sampled !== undefined && ids.sampled !== expectation.sampled) {
    const actual = ids.sampled === undefined ? 'no sampling decision' : ids.sampled ? 'sampled' : 'not sampled';
    return `${actual}, expected ${expectation.sampled ? 'sampled' : 'not sampled'}`;
  }
  return undefined;
}

function describeClient(span: Span): string {
  const url = span.attributes['url.full'] ?? span.attributes['http.url'];
  return typeof url === 'string' ? `"${span.name}" ${url}` : `"${span.name}"`;
}

function describeExpectation(
  format: PropagationFormat,
  expectation: TraceContextExpectation,
  traceId?: string,
): string {
  const parts = [`a valid ${FORMAT_HEADERS[format]} header`];
  if (traceId) parts.push(`in trace ${traceId}`);
  if (expectation.parentSpanId) parts.push(`with parent id ${expectation.parentSpanId}`);
  else if (expectation.spans) parts.push('with the CLIENT span that sent it as parent');
  if (expectation.sampled !== undefined) parts.push(expectation.sampled ? 'sampled' : 'not sampled');
  if (expectation.tracestate !== undefined) parts.push(`tracestate ${JSON.stringify(expectation.tracestate)}`);
  return parts.join(', ');
}

function headerLines(request: OutboundRequest, format: PropagationFormat): string[] {
  const names =
    format === 'b3multi'
      ? Object.keys(request.headers).filter((name) => name.startsWith('x-b3-'))
      : [{ w3c: 'traceparent', b3: 'b3', jaeger: 'uber-trace-id' }[format]];
  const lines = names
    .filter((name) => request.headers[name] !== undefined)
    .map((name) => `${name}: ${request.headers[name]}`);
  return lines.length > 0 ? lines : [`no ${FORMAT_HEADERS[format]} header`];
}
