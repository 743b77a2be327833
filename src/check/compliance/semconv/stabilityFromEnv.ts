import type { StabilityMode } from './ConventionRule.ts';

/**
 * The stability modes an `OTEL_SEMCONV_STABILITY_OPT_IN` value selects: `http` -> stable HTTP names, `http/dup`
 * -> both, and `database`, `database/dup` the same for database spans, `rpc`, `rpc/dup` for RPC spans. A signal
 * the value does not name is left out (the check's default applies).
 *
 * @example
 * stabilityFromEnv('http/dup,database'); // { http: 'dup', db: 'stable' }
 */
export function stabilityFromEnv(value: string | undefined): {
  http?: StabilityMode;
  db?: StabilityMode;
  rpc?: StabilityMode;
} {
  const modes: { http?: StabilityMode; db?: StabilityMode; rpc?: StabilityMode } = {};
  for (const token of (value ?? '').split(',').map((part) => part.trim().toLowerCase())) {
    if (token === 'http') modes.http = modes.http === 'dup' ? 'dup' : 'stable';
    if (token === 'http/dup') modes.http = 'dup';
    if (token === 'database') modes.db = modes.db === 'dup' ? 'dup' : 'stable';
    if (token === 'database/dup') modes.db = 'dup';
    if (token === 'rpc') modes.rpc = modes.rpc === 'dup' ? 'dup' : 'stable';
    if (token === 'rpc/dup') modes.rpc = 'dup';
  }
  return modes;
}
