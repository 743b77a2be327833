import { createRequire } from 'node:module';
import { searchBases, TRACE_SDK_PACKAGES } from '../capture/sdk/loadTraceSdk.ts';

/** Packages a service's OpenTelemetry set-up may use, besides the trace SDK; each is optional. */
export const OPTIONAL_SERVICE_PACKAGES = [
  '@opentelemetry/instrumentation-http',
  '@opentelemetry/instrumentation-undici',
  '@opentelemetry/exporter-trace-otlp-proto',
  '@opentelemetry/exporter-trace-otlp-http',
  '@opentelemetry/exporter-trace-otlp-grpc',
  '@opentelemetry/exporter-zipkin',
  '@opentelemetry/propagator-b3',
] as const;

/** The SDK's own dependencies (and its API), resolved next to the SDK so that they belong to one release line. */
export const SDK_DEPENDENCIES = ['@opentelemetry/resources', '@opentelemetry/core', '@opentelemetry/api'] as const;

/**
 * Where each package a service's set-up may use is installed: looked up from `TRACESPEC_OTEL_SDK_FROM`, then from
 * `near` (the service's entry file), then the usual places (see `searchBases`). The first trace SDK found, the
 * resources, core and API next to it, and every optional package that resolves. Used at bundle time (the bundle
 * then `require`s exactly these files, and every import of the API goes to the SDK's) and at run time.
 *
 * @example
 * const paths = resolveServicePackages('/srv/orders/server.js');
 * paths.get('@opentelemetry/sdk-trace'); // '/srv/orders/node_modules/@opentelemetry/sdk-trace/dist/index.cjs'
 */
export function resolveServicePackages(near?: string): Map<string, string> {
  const bases = searchBases(undefined, [near]);
  const resolve = (name: string): string | undefined => {
    for (const base of bases) {
      const path = tryResolve(base, name);
      if (path !== undefined) return path;
    }
    return undefined;
  };
  const paths = new Map<string, string>();
  for (const name of TRACE_SDK_PACKAGES) {
    const sdk = resolve(name);
    if (sdk === undefined) continue;
    paths.set(name, sdk);
    for (const dependency of SDK_DEPENDENCIES) {
      const path = tryResolve(sdk, dependency);
      if (path !== undefined) paths.set(dependency, path);
    }
    break;
  }
  for (const name of OPTIONAL_SERVICE_PACKAGES) {
    const path = resolve(name);
    if (path !== undefined) paths.set(name, path);
  }
  return paths;
}

function tryResolve(base: string, name: string): string | undefined {
  try {
    return createRequire(base).resolve(name);
  } catch {
    return undefined;
  }
}
