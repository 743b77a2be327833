import type { Attributes, AttributeValue, Span, SpanKind, StatusCode } from '../model/Span.ts';
import { nanosToMillis } from '../model/time.ts';
import type { OtlpAnyValue, OtlpKeyValue, OtlpSpan } from './OtlpJson.ts';

const KINDS: readonly SpanKind[] = ['internal', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUS: readonly StatusCode[] = ['unset', 'ok', 'error'];

/**
 * Reads OTLP/JSON `TracesData` (what {@link toOtlpJson} writes, an OTLP/HTTP JSON request body, or an OTLP file
 * exporter's line) into spans. Accepts ints and times as strings or numbers, enums as numbers or names.
 *
 * @example
 * const spans = fromOtlpJson(JSON.parse(await readFile('checkout.otlp.json', 'utf8')));
 * console.log(renderTraces(TraceSet.fromSpans(spans)));
 */
export function fromOtlpJson(data: unknown): Span[] {
  const resourceSpans = (data as { resourceSpans?: unknown } | null)?.resourceSpans;
  if (!Array.isArray(resourceSpans)) {
    throw new Error(
      '[tracespec] not OTLP/JSON trace data: expected an object with a "resourceSpans" array (as written by toOtlpJson or an OTLP/HTTP JSON exporter).',
    );
  }
  const spans: Span[] = [];
  for (const group of resourceSpans as readonly {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: unknown;
  }[]) {
    const resource = fromKeyValues(group.resource?.attributes);
    const serviceName = resource['service.name'];
    const service = typeof serviceName === 'string' && serviceName !== '' ? serviceName : 'unknown_service';
    for (const scopeSpans of (group.scopeSpans ?? []) as readonly {
      scope?: { name?: string; version?: string };
      spans?: OtlpSpan[];
    }[]) {
      const scope = scopeSpans.scope?.version
        ? { name: scopeSpans.scope.name ?? '', version: scopeSpans.scope.version }
        : { name: scopeSpans.scope?.name ?? '' };
      for (const span of scopeSpans.spans ?? []) spans.push(fromOtlpSpan(span, { resource, service, scope }));
    }
  }
  return spans;
}

function fromOtlpSpan(span: OtlpSpan, from: Pick<Span, 'resource' | 'service' | 'scope'>): Span {
  const start = BigInt(span.startTimeUnixNano);
  const end = BigInt(span.endTimeUnixNano);
  const duration = end > start ? end - start : 0n;
  const code = enumIndex(span.status?.code, 'STATUS_CODE_', ['UNSET', 'OK', 'ERROR']);
  const message = span.status?.message;
  return {
    traceId: span.traceId.toLowerCase(),
    spanId: span.spanId.toLowerCase(),
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId.toLowerCase() } : {}),
    name: span.name,
    kind:
      KINDS[
        enumIndex(span.kind, 'SPAN_KIND_', ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'])
      ] ?? 'internal',
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    durationNano: duration,
    durationMs: nanosToMillis(duration),
    attributes: fromKeyValues(span.attributes),
    events: (span.events ?? []).map((event) => ({
      name: event.name,
      timeUnixNano: BigInt(event.timeUnixNano),
      attributes: fromKeyValues(event.attributes),
    })),
    links: (span.links ?? []).map((link) => ({
      traceId: link.traceId.toLowerCase(),
      spanId: link.spanId.toLowerCase(),
      attributes: fromKeyValues(link.attributes),
    })),
    status: message ? { code: STATUS[code] ?? 'unset', message } : { code: STATUS[code] ?? 'unset' },
    ...from,
    ended: true,
    source: 'file',
  };
}

function enumIndex(value: number | string | undefined, prefix: string, names: readonly string[]): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const index = names.indexOf(value.replace(prefix, ''));
    return index === -1 ? Number(value) || 0 : index;
  }
  return 0;
}

function fromKeyValues(list: readonly OtlpKeyValue[] | undefined): Attributes {
  const attributes: Record<string, AttributeValue> = {};
  for (const { key, value } of list ?? []) {
    const converted = fromAnyValue(value);
    if (converted !== undefined) attributes[key] = converted as AttributeValue;
  }
  return attributes;
}

function fromAnyValue(value: OtlpAnyValue | undefined): AttributeValue | string | number | boolean | null | undefined {
  if (value === undefined) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return Number(value.doubleValue);
  if (value.arrayValue !== undefined) {
    return (value.arrayValue.values ?? []).map((item) => {
      const converted = fromAnyValue(item);
      return converted === undefined || Array.isArray(converted) ? null : converted;
    }) as AttributeValue;
  }
  return undefined;
}
