import type { Span } from '../../../model/Span.ts';
import type { WireRecord } from '../../../model/WireRecord.ts';
import type { PropagationFormat } from '../../../propagation/PropagationFormat.ts';
import type { BrokenHop, Certainty, LostContextCause } from './LostContext.ts';
import { describeRequest, FORMAT_NAMES, sentContext } from './sentContext.ts';

/** What a diagnosis established about one lost context, before it is put into words. */
export interface Finding {
  readonly cause: LostContextCause;
  readonly certainty: Certainty;
  readonly from?: string | undefined;
  readonly to: string;
  /** The span where the trace broke. */
  readonly span?: Span;
  /** The caller's CLIENT/PRODUCER span, and why it was taken for the caller. */
  readonly caller?: Span;
  readonly reasons?: readonly string[];
  readonly wire?: WireRecord;
  /** The SERVER span of the same service that was handling the test's request. */
  readonly serving?: Span;
  readonly mayBelongToConcurrentTest: boolean;
  /** Something that leaves the cause in doubt, said after it. */
  readonly note?: string;
}

const quote = (span: Span) => `${span.kind} span ${JSON.stringify(span.name)}`;
/** `orders'` and `gateway's`. */
const of = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
const sentFormats = (formats: readonly PropagationFormat[]) => formats.map((f) => FORMAT_NAMES[f]).join(' and ');

/** Short names of the causes, for a service graph's edge. */
const LABELS: Readonly<Record<LostContextCause, string>> = {
  'caller-sent-none': 'the caller sent no context',
  'caller-sent-invalid': 'the caller sent an invalid header',
  'caller-sent-other-trace': "the caller sent another trace's context",
  'caller-sent-wrong-parent': 'the caller sent a wrong parent id',
  'format-not-read': 'the callee does not read the format sent',
  'callee-ignored-context': 'the callee ignored the context',
  'callee-no-server-span': 'the callee recorded no server span',
  'call-outside-context': "the call ran outside the request's context",
  'work-in-new-root': 'the work ran in a new root',
  'not-exported': 'the spans were not exported',
  'not-continued': 'not continued (inferred)',
  'parent-missing': 'parent missing (inferred)',
  'caller-unknown': 'caller unknown',
};

/**
 * Puts a finding into words: the hop, the cause in its own wording with the evidence that decided it, and advice.
 * Every sentence states what the spans or the wire showed; where the cause could only be inferred the sentence says
 * "inferred" and names every possibility.
 *
 * @example
 * explain({ cause: 'caller-sent-none', certainty: 'wire', from: 'orders', to: 'inventory', wire, span, mayBelongToConcurrentTest: false });
 */
export function explain(finding: Finding): BrokenHop {
  const { from, to } = finding;
  const hop = from !== undefined && from !== to ? `${from} -> ${to}: ` : `${to}: `;
  const [said, advice] = words(finding);
  // Whatever the wording, a cause that could only be inferred says so.
  const noted = finding.note ? `${said}; ${finding.note}` : said;
  const body = finding.certainty === 'inferred' && !/inferred/i.test(noted) ? `${noted} (inferred)` : noted;
  const shared = finding.mayBelongToConcurrentTest ? ' (this split-off trace may belong to a concurrent test)' : '';
  return {
    ...(from === undefined ? {} : { from }),
    to,
    cause: finding.cause,
    certainty: finding.certainty,
    ...(finding.span ? { span: finding.span } : {}),
    ...(finding.caller ? { caller: finding.caller } : {}),
    ...(finding.wire ? { wire: finding.wire } : {}),
    mayBelongToConcurrentTest: finding.mayBelongToConcurrentTest,
    description: `${hop}${body}${shared}`,
    summary: `${body}${shared}`,
    label: LABELS[finding.cause],
    advice,
  };
}

function words(finding: Finding): [string, string] {
  const { from = 'the caller', to, span, caller, wire, serving } = finding;
  const broke = span ? `${of(to)} ${quote(span)} started a new trace (${span.traceId})` : '';
  const request = wire ? describeRequest(wire) : 'the call';
  const sent = wire ? sentContext(wire) : undefined;
  switch (finding.cause) {
    case 'caller-sent-none':
      return [
        `${from} sent no trace context on ${request}: the tap between them saw no traceparent, b3, X-B3-* or uber-trace-id header; ${broke}`,
        `Check ${of(from)} outgoing call: is it instrumented, and does anything between the instrumentation and the socket (a proxy, a header allow-list, a client that sets its own headers) drop the header?`,
      ];
    case 'caller-sent-invalid':
      return [
        `${from} sent only trace context that does not parse on ${request}: ${(sent?.invalid ?? []).map((i) => `${FORMAT_NAMES[i.format]}: ${i.reason}`).join('; ')}; ${broke}`,
        `Fix how ${from} writes the header (tracespec's parse functions give the same reasons).`,
      ];
    case 'caller-sent-other-trace': {
      if (!sent) {
        return [
          `${of(to)} ${span ? quote(span) : 'span'} continued trace ${span?.traceId} with ${of(from)} client span ${JSON.stringify(caller?.name)} (${caller?.spanId}) as its parent, but that client span is in trace ${caller?.traceId}. Inferred, no tap on this link: ${from} sent its span id with another trace's id, or something on the way changed the trace id`,
          `${from} sends a context kept from elsewhere (a cached client, a global, a context saved by an earlier request) instead of the current one; a tap on this link would show the header.`,
        ];
      }
      const carried = sent.valid.map((ids) => `${FORMAT_NAMES[ids.format]} trace ${ids.traceId}`).join(', ');
      const expected = caller
        ? `its client span ${JSON.stringify(caller.name)} is in trace ${caller.traceId}`
        : 'no trace of this test has that id';
      return [
        `${from} sent the context of another trace on ${request}: ${carried}, but ${expected}; ${of(to)} ${span ? quote(span) : 'span'} joined that other trace`,
        `${from} sends a context kept from elsewhere (a cached client, a global, a context saved by an earlier request) instead of the current one.`,
      ];
    }
    case 'caller-sent-wrong-parent': {
      const ids = sent?.valid.find((candidate) => candidate.traceId === caller?.traceId);
      return [
        `${from} sent trace ${ids?.traceId} with parent id ${ids?.parentSpanId} on ${request}, which is not its client span ${JSON.stringify(caller?.name)} (${caller?.spanId}); ${of(to)} ${span ? quote(span) : 'span'} names that parent, which is not in the trace`,
        `${from} builds the header from another span than the one around the call (the server span, a span already ended, or an id of its own).`,
      ];
    }
    case 'format-not-read': {
      const formats = [...new Set(sent?.valid.map((ids) => ids.format) ?? [])];
      const reads = wire?.calleeReads;
      const reading = reads
        ? `${to} reads ${sentFormats(reads)} (its OTEL_PROPAGATORS)`
        : `inferred: ${to} reads only W3C traceparent (OpenTelemetry's default; tracespec does not know ${of(to)} propagators)`;
      return [
        `${from} sent the context only as ${sentFormats(formats)} on ${request}; ${reading}, and ${broke}`,
        `Make both sides speak one format: add ${formats.map((f) => (f === 'w3c' ? 'tracecontext' : f)).join(',')} to ${of(to)} OTEL_PROPAGATORS, or make ${from} also send W3C traceparent.`,
      ];
    }
    case 'callee-ignored-context': {
      const ids = sent?.valid.find((candidate) => candidate.traceId === caller?.traceId) ?? sent?.valid[0];
      const matches = caller ? ` = ${of(from)} client span ${JSON.stringify(caller.name)}` : '';
      return [
        `${to} received a valid context on ${request} (${ids ? `${FORMAT_NAMES[ids.format]}: trace ${ids.traceId}, parent ${ids.parentSpanId}${matches}` : ''}) and did not continue it: ${broke}${
          finding.certainty === 'inferred'
            ? `. Inferred, tracespec does not know ${of(to)} propagators: ${to} ignored it, or it does not read ${ids ? FORMAT_NAMES[ids.format] : 'that format'}`
            : ''
        }`,
        `${of(to)} incoming span is not created from the request's headers: check that its http instrumentation (or framework) extracts the context, and that nothing starts the handler's span with a new root.`,
      ];
    }
    case 'callee-no-server-span':
      return [
        `${to} recorded no server span for the call from ${from}${caller ? ` (${of(from)} client span ${JSON.stringify(caller.name)}: ${finding.reasons?.join(', ') || 'it was running when that work began, nothing more ties them'})` : ''}; its work started a new trace at ${span ? quote(span) : 'a span'} (${span?.traceId})`,
        `Instrument ${of(to)} incoming requests (the http instrumentation, or its framework's), so that its spans continue the caller's trace.`,
      ];
    case 'call-outside-context':
      return [
        `the outgoing call ran outside the request's context: ${of(from)} ${span ? quote(span) : 'client span'} started a new trace (${span?.traceId}) while ${from} was handling ${serving ? JSON.stringify(serving.name) : 'a request'} of this test's trace${wire ? `; the tap saw that new trace sent to ${wire.to} on ${describeRequest(wire)}` : ''}`,
        `The call is made from code that lost the async context (a callback registered earlier, a queue or pool, a context of its own): make it inside the request's context.`,
      ];
    case 'work-in-new-root':
      return [
        `the handling of ${serving ? JSON.stringify(serving.name) : 'the request'} ran under a new root: ${span ? quote(span) : 'a span'} started a new trace (${span?.traceId}), and everything below it left the request's trace`,
        `A span is started with { root: true }, or with ROOT_CONTEXT or a context of its own: start it from the active context.`,
      ];
    case 'not-exported': {
      // A context marked "not sampled": a callee that follows its caller's decision records nothing for it.
      const unsampled = sent !== undefined && sent.valid.length > 0 && sent.valid.every((ids) => ids.sampled === false);
      if (unsampled && wire) {
        return [
          `${to} handled ${request} (seen by the tap, carrying trace ${sent.valid[0]?.traceId}), but none of its spans for it arrived, and the call carried the context marked not sampled (${sentFormats([...new Set(sent.valid.map((ids) => ids.format))])} with the sampled flag off). Inferred from the flag: ${to} followed ${of(from ?? wire.from)} decision not to sample, as a parent-based sampler (OpenTelemetry's default) does; or it did not flush, or it does not export`,
          `${from ?? wire.from} decided not to sample this call (its sampler, or a rule in it that drops some calls): sample everything in tests, e.g. a parent-based always-on sampler (OTEL_TRACES_SAMPLER=parentbased_always_on where the SDK reads it).`,
        ];
      }
      return [
        `${to} handled ${request} (seen by the tap${wire && sent?.valid[0] ? `, carrying trace ${sent.valid[0].traceId}` : ''}), but ${finding.note ? 'no span of it arrived that is certainly its' : 'none of its spans for it arrived'}: expected but missing, it did not flush before it stopped, or it does not export`,
        `Flush on shutdown (provider.shutdown() on SIGTERM; tracespec/service does) and check ${of(to)} exporter endpoint.`,
      ];
    }
    case 'not-continued':
      return [
        `${of(to)} ${span ? quote(span) : 'span'} did not continue ${of(from)} trace: it started a new trace (${span?.traceId}); the call is ${of(from)} client span ${JSON.stringify(caller?.name)} (${finding.reasons?.join(', ') || 'it was running when that span began'}). Inferred, no tap on this link: ${from} sent no context (or one ${to} does not read), or ${to} ignored it`,
        `Keep the recording tap on this link (a TracedEnvironment link has one unless { tap: false }) to tell which.`,
      ];
    case 'parent-missing':
      return [
        `${span ? `the ${quote(span)}` : 'a span'} names parent ${span?.parentSpanId}, which is not in the trace. Inferred: ${
          caller
            ? `the call is ${of(from)} client span ${JSON.stringify(caller.name)} (${caller.spanId}; ${finding.reasons?.join(', ')}): ${from} sent a parent id that is not its client span, or `
            : wire
              ? `${to} continued the context the tap saw ${from} send, so `
              : ''
        }the span ${span?.parentSpanId} was never exported${caller || wire ? '' : ', or the caller sent an id that is not one of its spans'}`,
        `Look for the span with id ${span?.parentSpanId}: if it exists in ${from}, it was not exported; otherwise the header was built from a made-up or stale id.`,
      ];
    case 'caller-unknown':
      return [
        `the ${span ? quote(span) : 'span'} started a new trace (${span?.traceId}); no call from another service was running when it began, so the caller is unknown`,
        `If another service called it, record that service's spans (is it instrumented and exporting?), or route its calls through a TracedEnvironment link so the tap sees them.`,
      ];
  }
}
