import { stabilityFromEnv, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

// What a service emits under OTEL_SEMCONV_STABILITY_OPT_IN=http/dup: both names. (The current http and undici
// instrumentations emit the stable names only and no longer read the variable, so these spans are built by hand.)
const dup = TraceSet.fromSpans([
  makeSpan({
    name: 'GET',
    kind: 'server',
    attributes: {
      'http.request.method': 'GET',
      'http.method': 'GET',
      'url.path': '/orders',
      'http.target': '/orders',
      'url.scheme': 'http',
      'http.response.status_code': 200,
      'http.status_code': 200,
    },
  }),
]);

function withOptIn<T>(value: string | undefined, run: () => T): T {
  const previous = process.env.OTEL_SEMCONV_STABILITY_OPT_IN;
  if (value === undefined) delete process.env.OTEL_SEMCONV_STABILITY_OPT_IN;
  else process.env.OTEL_SEMCONV_STABILITY_OPT_IN = value;
  try {
    return run();
  } finally {
    if (previous === undefined) delete process.env.OTEL_SEMCONV_STABILITY_OPT_IN;
    else process.env.OTEL_SEMCONV_STABILITY_OPT_IN = previous;
  }
}

describe('OTEL_SEMCONV_STABILITY_OPT_IN', () => {
  test('the matcher follows the variable when no stability is given', () => {
    withOptIn('http/dup', () => expect(dup).toFollowSemanticConventions());
    const message = withOptIn('http', () => failureOf(() => expect(dup).toFollowSemanticConventions()));
    expect(message).toContain(
      'Expected: spans that follow the semantic conventions (http: stable, db: stable, messaging, rpc: old)',
    );
    expect(message).toContain('http.method is deprecated: use http.request.method');
    expect(message).toContain('http.target is deprecated: use url.path and url.query');
    expect(withOptIn(undefined, () => failureOf(() => expect(dup).toFollowSemanticConventions()))).toContain(
      'http.status_code is deprecated: use http.response.status_code',
    );
    // An explicit stability wins over the variable.
    withOptIn('http', () => expect(dup).toFollowSemanticConventions({ stability: 'dup' }));
  });

  test('the variable, parsed', () => {
    expect(stabilityFromEnv('http/dup')).toEqual({ http: 'dup' });
    expect(stabilityFromEnv(' database , http ')).toEqual({ http: 'stable', db: 'stable' });
    expect(stabilityFromEnv('database/dup,database')).toEqual({ db: 'dup' });
    expect(stabilityFromEnv(undefined)).toEqual({});
    expect(stabilityFromEnv('rpc')).toEqual({ rpc: 'stable' });
    expect(stabilityFromEnv('rpc/dup,rpc,database')).toEqual({ rpc: 'dup', db: 'stable' });
  });
});
