// The OpenTelemetry 2.x line (API 1.9, SDK 2.12) lives in the test/fixtures/otel2 workspace, beside today's 3.x line
// at the root. Tests that need a package only the 2.x line has (the Jaeger propagator) load it from there.
import { createRequire } from 'node:module';
import type { TextMapPropagator } from '@opentelemetry/api';

/** The folder of the 2.x line's installation. */
export const OTEL2_DIR = new URL('../fixtures/otel2/', import.meta.url);

/** `require` as seen from the 2.x workspace. */
export const requireOtel2 = createRequire(new URL('package.json', OTEL2_DIR));

/** OpenTelemetry's own Jaeger propagator (2.12, the last release of `@opentelemetry/propagator-jaeger`). */
export const OtelJaegerPropagator = (
  requireOtel2('@opentelemetry/propagator-jaeger') as { JaegerPropagator: new () => TextMapPropagator }
).JaegerPropagator;
