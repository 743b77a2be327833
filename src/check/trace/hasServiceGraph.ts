import { failureMarks, type HopMark } from '../../model/FailureMarks.ts';
import type { ServiceEdge, ServiceGraph } from '../../model/serviceGraph.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { type ConnectedOptions, hopMark, marksOf } from './isConnected.ts';
import { diagnoseLostContext } from './lostContext/diagnoseLostContext.ts';
import type { BrokenHop } from './lostContext/LostContext.ts';

/**
 * An expected edge: `'gateway -> orders'`, or `{ from, to, calls?, errors? }`.
 *
 * @example
 * const edges: EdgeExpectation[] = ['gateway -> orders', { from: 'orders', to: 'inventory', calls: 2 }];
 */
export type EdgeExpectation =
  | `${string} -> ${string}`
  | { readonly from: string; readonly to: string; readonly calls?: number; readonly errors?: number };

/**
 * Options of {@link hasServiceGraph}; the propagation evidence (a test's `traces.evidence()`) explains lost edges.
 *
 * @example
 * expect(traces).toHaveServiceGraph(['gateway -> orders'], { exact: true });
 */
export interface ServiceGraphOptions extends ConnectedOptions {
  /** When true, the graph must have no other edges. Default false. */
  readonly exact?: boolean;
}

/**
 * Checks the service graph of traces: every expected edge is there (with its call and error counts when given);
 * with `exact`, no other edge is.
 *
 * @example
 * hasServiceGraph(set, ['gateway -> orders', { from: 'orders', to: 'inventory', calls: 2 }], { exact: true });
 */
export function hasServiceGraph(
  set: TraceSet,
  expected: readonly EdgeExpectation[],
  options: ServiceGraphOptions = {},
): CheckResult {
  const graph = set.serviceGraph();
  const wanted = expected.map(parseEdge);
  const problems: string[] = [];
  const hops: HopMark[] = [];
  const lostHops: BrokenHop[] = [];
  let lost: readonly BrokenHop[] | undefined;
  const lostOn = (edge: { from: string; to: string }) => {
    lost ??= diagnoseLostContext({ ...options, traces: set }).hops;
    return lost.filter((hop) => hop.from === edge.from && hop.to === edge.to);
  };
  for (const edge of wanted) {
    const actual = graph.edges.find((item) => item.from === edge.from && item.to === edge.to);
    const broken = actual ? [] : lostOn(edge);
    if (!actual && broken.length > 0) {
      problems.push(
        `${edge.from} -> ${edge.to}: the call was made, but the context was lost: ${broken[0]?.description}`,
      );
      lostHops.push(...broken);
      hops.push(...broken.map(hopMark));
    } else if (!actual) {
      problems.push(`missing: ${edge.from} -> ${edge.to}`);
      hops.push({ from: edge.from, to: edge.to, note: 'missing' });
    } else if (edge.calls !== undefined && actual.calls !== edge.calls) {
      const note = `expected ${edge.calls} call${edge.calls === 1 ? '' : 's'}, got ${actual.calls}`;
      problems.push(`${edge.from} -> ${edge.to}: ${note}`);
      hops.push({ from: edge.from, to: edge.to, note });
    } else if (edge.errors !== undefined && actual.errors !== edge.errors) {
      const note = `expected ${edge.errors} error${edge.errors === 1 ? '' : 's'}, got ${actual.errors}`;
      problems.push(`${edge.from} -> ${edge.to}: ${note}`);
      hops.push({ from: edge.from, to: edge.to, note });
    }
  }
  if (options.exact) {
    for (const edge of graph.edges) {
      if (!wanted.some((item) => item.from === edge.from && item.to === edge.to)) {
        problems.push(`unexpected: ${edge.from} -> ${edge.to}`);
        hops.push({ from: edge.from, to: edge.to, note: 'unexpected' });
      }
    }
  }
  const pass = problems.length === 0;
  return {
    pass,
    message: () =>
      checkMessage({
        expected: `${pass ? 'not ' : ''}a service graph with ${wanted.map((edge) => describeEdge(edge)).join(', ')}${options.exact ? ' and nothing else' : ''}`,
        details: pass ? [] : ['Differences:', ...problems.map((line) => `  - ${line}`)],
        blocks: [['Received:', renderGraph(graph, lost)]],
      }),
    actual: graph.edges.map((edge) => describeEdge(edge)),
    expected: wanted.map((edge) => describeEdge(edge)),
    marks: () => failureMarks(marksOf(lostHops), hops),
  };
}

/**
 * The graph as lines, one edge a line: `gateway -> orders (1 call, 0 errors)`.
 *
 * @example
 * console.log(renderGraph(trace.serviceGraph()));
 */
export function renderGraph(graph: ServiceGraph, lost: readonly BrokenHop[] = []): string {
  const broken = lost
    .filter((hop) => hop.from !== undefined && hop.from !== hop.to)
    .map(
      (hop) =>
        `  ${hop.from} -> ${hop.to} (context lost: ${hop.cause}${hop.certainty === 'inferred' ? ', inferred' : ''})`,
    );
  if (graph.edges.length === 0 && broken.length === 0)
    return `  (no calls between services; services: ${graph.services.join(', ') || 'none'})`;
  return [...graph.edges.map((edge) => `  ${describeEdge(edge)}`), ...new Set(broken)].join('\n');
}

function parseEdge(edge: EdgeExpectation): { from: string; to: string; calls?: number; errors?: number } {
  if (typeof edge !== 'string') return edge;
  const [from, to, ...rest] = edge.split('->').map((part) => part.trim());
  if (!from || !to || rest.length > 0) {
    throw new TypeError(
      `[tracespec] toHaveServiceGraph(): cannot read the edge ${JSON.stringify(edge)}; write it as 'caller -> callee'.`,
    );
  }
  return { from, to };
}

function describeEdge(edge: Partial<ServiceEdge> & { from: string; to: string }): string {
  const counts: string[] = [];
  if (edge.calls !== undefined) counts.push(`${edge.calls} call${edge.calls === 1 ? '' : 's'}`);
  if (edge.errors !== undefined) counts.push(`${edge.errors} error${edge.errors === 1 ? '' : 's'}`);
  return `${edge.from} -> ${edge.to}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`;
}
