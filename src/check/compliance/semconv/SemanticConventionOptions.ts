import type { ConventionSignal, StabilityMode } from './ConventionRule.ts';

/**
 * Options of `toFollowSemanticConventions` / `hasSemanticConventions`.
 *
 * @example
 * const options: SemanticConventionOptions = { signals: ['http'], stability: { http: 'dup' }, skip: ['http.client.name'] };
 */
export interface SemanticConventionOptions {
  /** The signals whose spans are checked. Default all: `['http', 'db', 'messaging', 'rpc']`. */
  readonly signals?: readonly ConventionSignal[];
  /**
   * Which attribute names the services emit, for all signals or per signal (see {@link StabilityMode}; messaging
   * conventions have no opt-in, their rules hold in every mode). The vitest matcher reads
   * `OTEL_SEMCONV_STABILITY_OPT_IN` when this is left out; the check's default is `stable` for http and db, and
   * `old` for rpc (the RPC conventions became stable after the current gRPC instrumentation, which emits the old
   * names until `OTEL_SEMCONV_STABILITY_OPT_IN=rpc`, as the spec asks of existing instrumentations).
   */
  readonly stability?:
    | StabilityMode
    | { readonly http?: StabilityMode; readonly db?: StabilityMode; readonly rpc?: StabilityMode };
  /** Rule ids to leave out (as the message shows them, e.g. `http.client.name`). */
  readonly skip?: readonly string[];
}
