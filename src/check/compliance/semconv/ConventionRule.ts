import type { Span } from '../../../model/Span.ts';
import type { TraceSet } from '../../../model/TraceSet.ts';

/**
 * A signal whose spans tracespec checks against the OpenTelemetry semantic conventions.
 *
 * @example
 * const signals: ConventionSignal[] = ['http'];
 */
export type ConventionSignal = 'http' | 'db' | 'messaging' | 'rpc';

/**
 * Which attribute names a service emits for a signal, as `OTEL_SEMCONV_STABILITY_OPT_IN` selects them: `stable`
 * (`http`, `database`, `rpc`), both (`http/dup`, `database/dup`, `rpc/dup`), or the old ones (the variable unset,
 * for instrumentations that still default to them).
 *
 * @example
 * const mode: StabilityMode = 'dup';
 */
export type StabilityMode = 'stable' | 'dup' | 'old';

/**
 * What kind of span a rule is about, found from its kind and attributes: an HTTP span has a request method (a
 * server or client one by its kind), a database span a database system, a messaging span a messaging system, an
 * RPC span an RPC system (a client or server one by its kind).
 *
 * @example
 * const role: SpanRole = 'http.server';
 */
export type SpanRole =
  | 'http.server'
  | 'http.client'
  | 'http'
  | 'db.client'
  | 'db'
  | 'messaging'
  | 'rpc'
  | 'rpc.client'
  | 'rpc.server';

/**
 * One rule of the semantic conventions, as data: the spans it is about, what it says, where the spec says it, in
 * which stability modes it holds, and a test that returns what is wrong with a span (or nothing).
 *
 * @example
 * const rule: ConventionRule = {
 *   id: 'http.server.kind', signal: 'http', role: 'http', modes: ['stable', 'dup', 'old'],
 *   says: 'an HTTP span is a server or a client span',
 *   section: 'https://opentelemetry.io/docs/specs/semconv/http/http-spans/',
 *   problem: (span) => (span.kind === 'server' || span.kind === 'client' ? undefined : `its kind is ${span.kind}`),
 * };
 */
export interface ConventionRule {
  readonly id: string;
  readonly signal: ConventionSignal;
  readonly role: SpanRole;
  readonly modes: readonly StabilityMode[];
  readonly says: string;
  readonly section: string;
  /** What is wrong with the span, or `undefined`; the traces are there for rules about other spans (links). */
  readonly problem: (span: Span, set: TraceSet) => string | undefined;
}
