// The compliance family: matchers on what traces must not hold (secrets, personal data) and the conventions they
// must follow. Runtime matchers and their typed `Matchers` augmentation side by side; the checks are in
// check/compliance/.
import { hasNoSensitiveData } from '../../check/compliance/hasNoSensitiveData.ts';
import { isWellInstrumented } from '../../check/compliance/quality/isWellInstrumented.ts';
import type { QualityOptions } from '../../check/compliance/quality/QualityOptions.ts';
import type { SensitiveDataOptions } from '../../check/compliance/SensitiveDataOptions.ts';
import { hasSemanticConventions } from '../../check/compliance/semconv/hasSemanticConventions.ts';
import type { SemanticConventionOptions } from '../../check/compliance/semconv/SemanticConventionOptions.ts';
import { stabilityFromEnv } from '../../check/compliance/semconv/stabilityFromEnv.ts';
import { defineMatchers, toMatcher } from '../toMatcher.ts';

/** The compliance matchers as vitest sees them; `R` is `Promise<void>` under `expect.poll`. */
export interface ComplianceMatchers<R = unknown> {
  /**
   * No span holds a secret — names, status messages, attributes of spans, events (exception messages and stack
   * traces), links and resources — by tracespec's credential detectors (`secretDetectors`), with `pii` also
   * e-mail and IP addresses, and with `detectors` your own. The message names each finding's span, field and
   * detector with a masked excerpt, never the secret.
   *
   * @example
   * expect(traces).toHaveNoSensitiveData();
   * expect(traces).toHaveNoSensitiveData({ pii: ['email'], allowKeys: ['enduser.id'], detectors: [/\bcust_\w{12}\b/] });
   */
  toHaveNoSensitiveData(options?: SensitiveDataOptions): R;
  /**
   * HTTP server and client spans, database client spans, messaging spans and RPC client and server spans follow the
   * OpenTelemetry semantic conventions: required attributes and their types, span names, kinds, status rules (for
   * gRPC, which codes make each side's span an error), a consumer that keeps the producer's context, and (in the
   * `stable` mode) no deprecated attribute names. `stability` defaults to what `OTEL_SEMCONV_STABILITY_OPT_IN`
   * selects (`http`, `http/dup`, `database`, `database/dup`, `rpc`, `rpc/dup`), else `stable` for http and db and
   * `old` for rpc. Each problem names the span, the rule and its spec section.
   *
   * @example
   * expect(traces).toFollowSemanticConventions();
   * expect(traces).toFollowSemanticConventions({ signals: ['http'], stability: 'dup' });
   * expect(traces).toFollowSemanticConventions({ signals: ['rpc'], stability: { rpc: 'stable' } });
   */
  toFollowSemanticConventions(options?: SemanticConventionOptions): R;
  /**
   * The instrumentation is fit for a trace backend: no ids in span names (`GET /orders/8412` is one name per
   * order: high cardinality), no flood of tiny internal spans under one parent, and a `service.name` on every
   * resource.
   *
   * @example
   * expect(traces).toBeWellInstrumented();
   * expect(traces).toBeWellInstrumented({ tinySpans: { under: '100us', atMost: 20 }, skip: ['service-name'] });
   */
  toBeWellInstrumented(options?: QualityOptions): R;
}

/**
 * The compliance matchers, for `expect.extend` (importing `tracespec/vitest` registers them).
 *
 * @example
 * expect.extend(complianceMatchers);
 */
export const complianceMatchers = defineMatchers<ComplianceMatchers>({
  toHaveNoSensitiveData: toMatcher('traces', (set, options?: SensitiveDataOptions) => hasNoSensitiveData(set, options)),
  toFollowSemanticConventions: toMatcher('traces', (set, options?: SemanticConventionOptions) =>
    hasSemanticConventions(set, {
      ...options,
      stability: options?.stability ?? stabilityFromEnv(process.env.OTEL_SEMCONV_STABILITY_OPT_IN),
    }),
  ),
  toBeWellInstrumented: toMatcher('traces', (set, options?: QualityOptions) => isWellInstrumented(set, options)),
});

declare module 'vitest' {
  // T is part of vitest's declaration and must be repeated.
  interface Matchers<R, T> extends ComplianceMatchers<R> {}
}
