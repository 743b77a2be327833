import type { SpanKind, SpanStatus, StatusCode } from '../../model/Span.ts';
import { nanosToMillis } from '../../model/time.ts';
import { isNoParent, spanIdProblem, traceIdProblem } from '../ids.ts';
import type { RejectionLog } from '../RejectionLog.ts';
import type { OtlpOrigin } from './OtlpOrigin.ts';
import type { OtlpSpanDraft } from './OtlpSpanDraft.ts';

const KINDS: readonly SpanKind[] = ['internal', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUS: readonly StatusCode[] = ['unset', 'ok', 'error'];

/** Validates a decoded OTLP span and adds it to the log as a {@link Span}, or records why it was rejected. */
export function acceptOtlpSpan(draft: OtlpSpanDraft, origin: OtlpOrigin, log: RejectionLog): void {
  const problem =
    traceIdProblem(draft.traceId) ??
    spanIdProblem(draft.spanId) ??
    (isNoParent(draft.parentSpanId) ? undefined : spanIdProblem(draft.parentSpanId, 'parent span id'));
  if (problem !== undefined) {
    log.reject(`span "${draft.name}": ${problem}`);
    return;
  }
  // OTLP requires a start time; 0 means unset, and a 1970 span would break every timing check.
  if (draft.start === 0n) {
    log.reject(`span "${draft.name}": startTimeUnixNano is 0 (unset), so it cannot be placed in time`);
    return;
  }
  // A span that claims to end before it started is kept, clamped to zero length (bigint has no Math.max).
  const duration = draft.end > draft.start ? draft.end - draft.start : 0n;
  const code = STATUS[draft.statusCode] ?? 'unset';
  const status: SpanStatus = draft.statusMessage ? { code, message: draft.statusMessage } : { code };
  log.accept({
    traceId: draft.traceId,
    spanId: draft.spanId,
    ...(isNoParent(draft.parentSpanId) ? {} : { parentSpanId: draft.parentSpanId }),
    name: draft.name,
    kind: KINDS[draft.kind] ?? 'internal',
    startTimeUnixNano: draft.start,
    // The end as received (the same bigint, not a new one) unless it was clamped.
    endTimeUnixNano: duration === 0n ? draft.start : draft.end,
    durationNano: duration,
    durationMs: nanosToMillis(duration),
    attributes: draft.attributes,
    events: draft.events,
    links: draft.links,
    status,
    service: origin.service,
    resource: origin.resource,
    scope: origin.scope,
    ended: true,
    source: origin.source,
  });
}
