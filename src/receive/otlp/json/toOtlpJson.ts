import type { Attributes, AttributeValue, Span, SpanKind, StatusCode } from '../../../model/Span.ts';
import type { OtlpAnyValue, OtlpKeyValue, OtlpResourceSpans, OtlpSpan, OtlpTracesData } from './OtlpJson.ts';

const KIND: Readonly<Record<SpanKind, number>> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const STATUS: Readonly<Record<StatusCode, number>> = { unset: 0, ok: 1, error: 2 };

/**
 * Spans as OTLP/JSON `TracesData`, grouped by resource and scope: the format OTLP tools and Jaeger's UI load.
 * Write it with `JSON.stringify(data, null, 2)`.
 *
 * @example
 * await writeFile('checkout.otlp.json', JSON.stringify(toOtlpJson(traces.spans), null, 2));
 */
export function toOtlpJson(spans: Iterable<Span>): OtlpTracesData {
  const resources = new Map<
    string,
    { resource: Attributes; scopes: Map<string, { scope: Span['scope']; spans: OtlpSpan[] }> }
  >();
  for (const span of spans) {
    const resourceKey = JSON.stringify(Object.entries(span.resource).sort(([a], [b]) => (a < b ? -1 : 1)));
    let resource = resources.get(resourceKey);
    if (!resource) {
      resource = { resource: span.resource, scopes: new Map() };
      resources.set(resourceKey, resource);
    }
    const scopeKey = `${span.scope.name}@${span.scope.version ?? ''}`;
    let scope = resource.scopes.get(scopeKey);
    if (!scope) {
      scope = { scope: span.scope, spans: [] };
      resource.scopes.set(scopeKey, scope);
    }
    scope.spans.push(toOtlpSpan(span));
  }
  const resourceSpans: OtlpResourceSpans[] = [...resources.values()].map(({ resource, scopes }) => ({
    resource: { attributes: toKeyValues(resource) },
    scopeSpans: [...scopes.values()].map(({ scope, spans: list }) => ({
      scope: scope.version === undefined ? { name: scope.name } : { name: scope.name, version: scope.version },
      spans: list,
    })),
  }));
  return { resourceSpans };
}

function toOtlpSpan(span: Span): OtlpSpan {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId === undefined ? {} : { parentSpanId: span.parentSpanId }),
    name: span.name,
    kind: KIND[span.kind],
    startTimeUnixNano: String(span.startTimeUnixNano),
    endTimeUnixNano: String(span.endTimeUnixNano),
    attributes: toKeyValues(span.attributes),
    events: span.events.map((event) => ({
      timeUnixNano: String(event.timeUnixNano),
      name: event.name,
      attributes: toKeyValues(event.attributes),
    })),
    links: span.links.map((link) => ({
      traceId: link.traceId,
      spanId: link.spanId,
      attributes: toKeyValues(link.attributes),
    })),
    status:
      span.status.message === undefined
        ? { code: STATUS[span.status.code] }
        : { code: STATUS[span.status.code], message: span.status.message },
  };
}

function toKeyValues(attributes: Attributes): OtlpKeyValue[] {
  const result: OtlpKeyValue[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) result.push({ key, value: toAnyValue(value) });
  }
  return result;
}

function toAnyValue(value: AttributeValue | null | undefined): OtlpAnyValue {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map((item) => toAnyValue(item)) } };
  return {};
}
