import type { Span } from './Span.ts';

/**
 * One edge of a service graph: calls from one service to another, seen as parent -> child spans.
 *
 * @example
 * const [edge]: readonly ServiceEdge[] = trace.serviceGraph().edges; // { from: 'gateway', to: 'orders', calls: 1, errors: 0 }
 */
export interface ServiceEdge {
  readonly from: string;
  readonly to: string;
  /** Child spans in `to` whose parent is in `from`. */
  readonly calls: number;
  /** Of those, the ones with status error. */
  readonly errors: number;
}

/**
 * The services of some traces and the calls between them.
 *
 * @example
 * const graph: ServiceGraph = traceSet.serviceGraph();
 * graph.services; // ['gateway', 'orders']
 */
export interface ServiceGraph {
  /** Every service that recorded a span, sorted. */
  readonly services: readonly string[];
  /** Edges sorted by from, then to. */
  readonly edges: readonly ServiceEdge[];
}

/**
 * Builds the service graph of spans: an edge wherever a span's parent belongs to another service.
 *
 * @example
 * const graph = serviceGraphOf(trace.spans, (span) => trace.parent(span));
 * // { services: ['gateway', 'orders'], edges: [{ from: 'gateway', to: 'orders', calls: 1, errors: 0 }] }
 */
export function serviceGraphOf(spans: Iterable<Span>, parentOf: (span: Span) => Span | undefined): ServiceGraph {
  const services = new Set<string>();
  const edges = new Map<string, { from: string; to: string; calls: number; errors: number }>();
  for (const span of spans) {
    services.add(span.service);
    const parent = parentOf(span);
    if (parent === undefined || parent.service === span.service) continue;
    const key = `${parent.service}\u0000${span.service}`;
    const edge = edges.get(key) ?? { from: parent.service, to: span.service, calls: 0, errors: 0 };
    edge.calls++;
    if (span.status.code === 'error') edge.errors++;
    edges.set(key, edge);
  }
  const sorted = [...edges.values()].sort((a, b) =>
    a.from === b.from ? (a.to < b.to ? -1 : a.to > b.to ? 1 : 0) : a.from < b.from ? -1 : 1,
  );
  return { services: [...services].sort(), edges: sorted };
}
