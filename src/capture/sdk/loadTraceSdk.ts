import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextMapPropagator } from '@opentelemetry/api';
import type { SdkTracerProvider, SpanProcessorLike, TraceSdk } from './SdkTypes.ts';

/** The trace SDK packages tracespec can drive, in order of preference (today's line first). */
const CANDIDATES = [
  { packageName: '@opentelemetry/sdk-trace', providerClass: 'TracerProvider' },
  { packageName: '@opentelemetry/sdk-trace-base', providerClass: 'BasicTracerProvider' },
] as const;

/** Environment variable naming a file or folder whose installation tracespec takes the SDK from. */
export const SDK_FROM_VARIABLE = 'TRACESPEC_OTEL_SDK_FROM';

type Module = Record<string, unknown>;
type Constructor = new (...args: unknown[]) => unknown;

/** The SDK packages, in order of preference. */
export const TRACE_SDK_PACKAGES: readonly string[] = CANDIDATES.map((candidate) => candidate.packageName);

/**
 * Finds the OpenTelemetry trace SDK the project installed: `@opentelemetry/sdk-trace` (3.x, or the 2.x that
 * `sdk-trace-base` 2.12 wraps), else `@opentelemetry/sdk-trace-base` (2.x). It is looked up from `from` when given,
 * then from `TRACESPEC_OTEL_SDK_FROM`, then from where tracespec is installed, then from the current directory.
 * The SDK's own `@opentelemetry/resources` and `@opentelemetry/core` are loaded from the SDK's location, so the
 * three always belong to one release line. Throws a `[tracespec]` error that says what to install otherwise.
 *
 * @example
 * const sdk = loadTraceSdk();
 * const provider = sdk.createTracerProvider({ resource: { 'service.name': 'orders' }, spanProcessors: [recorder] });
 */
export function loadTraceSdk(from?: string | URL): TraceSdk {
  const bases = searchBases(from);
  for (const base of bases) {
    const require = createRequire(base);
    for (const candidate of CANDIDATES) {
      const path = tryResolve(require, candidate.packageName);
      if (path === undefined) continue;
      const sdk = traceSdkOf(candidate.packageName, require(path) as Module, createRequire(path));
      if (sdk) return { ...sdk, version: packageVersion(path, candidate.packageName) };
    }
  }
  throw new Error(
    "[tracespec] no OpenTelemetry trace SDK is installed. Install today's line: npm install -D @opentelemetry/sdk-trace " +
      '(3.x, with @opentelemetry/api 1.10), or keep the 2.x line: @opentelemetry/sdk-trace-base 2.x (with @opentelemetry/api < 1.10). ' +
      `Looked from: ${bases.map((base) => String(base)).join(', ')}. ` +
      `If your SDK is installed elsewhere (a monorepo package), point ${SDK_FROM_VARIABLE} at that package's folder, ` +
      'or build the provider yourself with setupTracing({ tracerProvider: (spanProcessors) => ... }).',
  );
}

/**
 * The places (as file URLs) tracespec looks for OpenTelemetry packages from, in order: `from` (an explicit choice),
 * `TRACESPEC_OTEL_SDK_FROM`, the `near` guesses (a service's entry file), tracespec's own location, the current
 * directory.
 *
 * @example
 * searchBases(undefined, [process.argv[1]]);
 */
export function searchBases(from: string | URL | undefined, near: readonly (string | undefined)[] = []): string[] {
  const bases: string[] = [];
  const add = (value: string | URL | undefined) => {
    if (value === undefined || value === '') return;
    const text = String(value);
    const base = text.startsWith('file:')
      ? text
      : pathToFileURL(looksLikeFile(text) ? text : join(text, 'noop.js')).href;
    if (!bases.includes(base)) bases.push(base);
  };
  add(from);
  add(process.env[SDK_FROM_VARIABLE]);
  for (const guess of near) add(guess);
  add(import.meta.url);
  add(join(process.cwd(), 'package.json'));
  return bases;
}

function looksLikeFile(path: string): boolean {
  return /\.(c|m)?[jt]s$|\.json$/.test(path);
}

function tryResolve(require: NodeJS.Require, name: string): string | undefined {
  try {
    return require.resolve(name);
  } catch {
    return undefined;
  }
}

/**
 * A {@link TraceSdk} over an SDK module already loaded (from `require`, or a service bundle's table), with the
 * loader of its own dependencies; undefined when the module is not a trace SDK tracespec can drive.
 *
 * @example
 * const sdk = traceSdkOf('@opentelemetry/sdk-trace', require('@opentelemetry/sdk-trace'), require);
 */
export function traceSdkOf(
  packageName: string,
  sdk: Module,
  requireOwn: (name: string) => unknown,
): (Omit<TraceSdk, 'version'> & { version: string }) | undefined {
  const candidate = CANDIDATES.find((item) => item.packageName === packageName);
  const Provider = candidate ? sdk[candidate.providerClass] : undefined;
  if (typeof Provider !== 'function') return undefined;
  const load = (name: string): Module => {
    try {
      return requireOwn(name) as Module;
    } catch (error) {
      throw new Error(
        `[tracespec] ${packageName} is installed, but its dependency ${name} cannot be loaded next to it: ${(error as Error).message}. Reinstall the SDK (npm install).`,
      );
    }
  };
  return {
    packageName,
    version: 'unknown',
    createTracerProvider({ resource, spanProcessors }) {
      const { resourceFromAttributes } = load('@opentelemetry/resources') as {
        resourceFromAttributes: (attributes: Readonly<Record<string, unknown>>) => unknown;
      };
      return new (Provider as Constructor)({
        resource: resourceFromAttributes(resource),
        spanProcessors: [...spanProcessors],
      }) as SdkTracerProvider;
    },
    w3cPropagators() {
      const core = load('@opentelemetry/core') as Record<string, new () => TextMapPropagator>;
      const TraceContext = core.W3CTraceContextPropagator;
      const Baggage = core.W3CBaggagePropagator;
      if (!TraceContext || !Baggage) {
        throw new Error(`[tracespec] @opentelemetry/core next to ${packageName} has no W3C propagators.`);
      }
      return [new TraceContext(), new Baggage()];
    },
    batchSpanProcessor(exporter, options) {
      const Batch = sdk.BatchSpanProcessor as new (...args: unknown[]) => SpanProcessorLike;
      // 2.x sdk-trace-base takes (exporter, config); sdk-trace (2.12 and 3.x) takes ({ exporter, ...config }).
      return packageName === '@opentelemetry/sdk-trace-base'
        ? new Batch(exporter, options)
        : new Batch({ exporter, ...options });
    },
    consoleExporter() {
      const Console = sdk.ConsoleSpanExporter as new () => object;
      return new Console();
    },
  };
}

/**
 * The folder and version of the package `packageName` that owns the file `entry`.
 *
 * @example
 * packageOf(require.resolve('@opentelemetry/sdk-trace'), '@opentelemetry/sdk-trace'); // { root: '/…/sdk-trace', version: '3.1.1' }
 */
export function packageOf(entry: string, packageName: string): { root: string; version: string } | undefined {
  let directory = dirname(entry);
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === packageName) return { root: directory, version: manifest.version ?? 'unknown' };
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/**
 * The version of the package `packageName` that owns the file `entry`, or `unknown`.
 *
 * @example
 * packageVersion(require.resolve('@opentelemetry/sdk-trace'), '@opentelemetry/sdk-trace'); // '3.1.1'
 */
export function packageVersion(entry: string, packageName: string): string {
  return packageOf(entry, packageName)?.version ?? 'unknown';
}
