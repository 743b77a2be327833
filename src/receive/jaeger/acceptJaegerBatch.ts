import type { AttributeValue, SpanSource } from '../../model/Span.ts';
import type { RejectionLog } from '../RejectionLog.ts';
import { acceptJaegerSpan } from './acceptJaegerSpan.ts';
import type { JaegerBatch } from './JaegerThrift.ts';
import { addJaegerTags } from './jaegerTags.ts';

/**
 * Maps a decoded batch to spans: the process becomes each span's resource (its tags, plus `service.name` from
 * `serviceName`) and service. A process tag that cannot be read rejects the batch's spans, with the reason.
 */
export function acceptJaegerBatch(batch: JaegerBatch, source: SpanSource, log: RejectionLog): void {
  const resource: Record<string, AttributeValue> = {};
  const problem = addJaegerTags(batch.process?.tags, resource, 'the process');
  if (problem !== undefined) {
    for (const span of batch.spans) log.reject(`span "${span.operationName ?? ''}": ${problem}`);
    return;
  }
  const serviceName = batch.process?.serviceName;
  if (serviceName) resource['service.name'] = serviceName;
  const origin = { resource, service: serviceName || 'unknown_service', source };
  for (const span of batch.spans) acceptJaegerSpan(span, origin, log);
}
