import type { ConventionSignal, StabilityMode } from './ConventionRule.ts';

/**
 * Options of `toFollowSemanticConventions` / `hasSemanticConventions`.
 *
 * @example
 * const options: SemanticConventionOptions = { signals: ['http'], stability: { http: 'dup' }, skip: ['http.client.name'] };
 */
export interface SemanticConventionOptions {
  /** The signals whose spans are checked. Default all: `['http', 'db', 'messaging']`. */
  readonly signals?: readonly ConventionSignal[];
  /**
   * Which attribute names the services emit, for all signals or per signal (see {@link StabilityMode}; messaging
   * conventions have no opt-in, their rules hold in every mode). The vitest
   * matcher reads `OTEL_SEMCONV_STABILITY_OPT_IN` when this is left out; the check's default is `stable`.
   */
  readonly stability?: StabilityMode | { readonly http?: StabilityMode; readonly db?: StabilityMode };
  /** Rule ids to leave out (as the message shows them, e.g. `http.client.name`). */
  readonly skip?: readonly string[];
}
