import { createRequire } from 'node:module';
import { join } from 'node:path';
import { context, propagation, type TextMapPropagator, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import type { InstrumentationLike } from '../capture/installTracing.ts';
import { compositePropagator } from '../capture/sdk/compositePropagator.ts';
import { TRACE_SDK_PACKAGES, traceSdkOf } from '../capture/sdk/loadTraceSdk.ts';
import type { SdkTracerProvider, SpanProcessorLike, TraceSdk } from '../capture/sdk/SdkTypes.ts';
import { JaegerPropagator } from '../propagation/JaegerPropagator.ts';
import { flushOnSignals } from './flushOnSignals.ts';
import type { ServiceConfig, ServiceExporter, ServicePropagator } from './ServiceConfig.ts';
import type { ServiceModules } from './ServiceModules.ts';
import { trackExports } from './trackExports.ts';

/**
 * The OpenTelemetry set-up `tracespec/service` started in this process.
 *
 * @example
 * import { serviceTracing } from 'tracespec/service';
 * process.on('SIGTERM', async () => {
 *   await serviceTracing.shutdown(); // flush the spans before your own shutdown exits
 *   server.close(() => process.exit(0));
 * });
 */
export interface ServiceTracing {
  /** What was read from the environment. */
  readonly config: ServiceConfig;
  /** The one-line description printed on stderr at start. */
  readonly summary: string;
  /** Enables more instrumentations (e.g. a database client's) with this set-up's provider. */
  addInstrumentations(...instrumentations: InstrumentationLike[]): void;
  /** Exports every span ended so far; resolves once all of them reached the exporter's endpoint. */
  forceFlush(): Promise<void>;
  /** Flushes, then stops exporting. */
  shutdown(): Promise<void>;
}

/** How long a stopping service waits for its spans to be exported. */
const FLUSH_TIMEOUT_MS = 5_000;

type Module = Record<string, unknown>;
type Constructor = new (...args: unknown[]) => object;

/**
 * Sets up OpenTelemetry for a service from its configuration: the installed trace SDK with a batch processor per
 * exporter, the AsyncLocalStorage context manager, the propagators, and the http and undici instrumentations
 * (patching `node:http` also for ES module imports); flushes on SIGTERM/SIGINT; prints on stderr where it exports.
 * Throws a `[tracespec]` error naming the package to install when the SDK or a needed exporter is missing.
 *
 * @example
 * const { config, problems } = readServiceConfig(process.env);
 * const tracing = startServiceTracing(config, serviceModules(process.argv[1]), { log: console.error });
 */
export function startServiceTracing(
  config: ServiceConfig,
  modules: ServiceModules,
  options: { readonly log: (line: string) => void },
): ServiceTracing {
  const prefix = `[tracespec/service] ${config.serviceName}:`;
  const log = (line: string) => options.log(`${prefix} ${line}`);
  if (config.disabled) {
    const summary = 'OTEL_SDK_DISABLED=true: tracing is off';
    log(summary);
    return idle(config, summary);
  }
  const sdk = loadSdk(modules);
  const exports = config.exporters.map((exporter) => makeExporter(exporter, config, sdk, modules));
  const tracked = exports.flatMap(({ exporter }) => (exporter === undefined ? [] : [trackExports(exporter)]));
  const processors: SpanProcessorLike[] = tracked.map(({ exporter }) =>
    sdk.batchSpanProcessor(exporter, { scheduledDelayMillis: config.batchDelayMs }),
  );
  // Everything that can fail for a missing package is built before anything is registered globally.
  const propagator = compositePropagator(makePropagators(config.propagators, sdk, modules));
  const instrumentations = makeInstrumentations(config, modules, log);
  const provider: SdkTracerProvider = sdk.createTracerProvider({
    resource: config.resource,
    spanProcessors: processors,
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(contextManager)) contextManager.disable();
  if (!trace.setGlobalTracerProvider(provider)) {
    throw new Error(
      `${prefix} another OpenTelemetry tracer provider is already registered in this process; load tracespec/service instead of your own set-up, not beside it.`,
    );
  }
  propagation.setGlobalPropagator(propagator);
  const enabled: InstrumentationLike[] = [];
  const enable = (list: readonly InstrumentationLike[]) => {
    for (const instrumentation of list) {
      instrumentation.setTracerProvider(provider);
      instrumentation.enable();
      enabled.push(instrumentation);
    }
    // ES module imports of node:http bypass require-in-the-middle until the CommonJS builtin is loaded once after the
    // instrumentation is enabled; after that, default and named imports see the patched module.
    const require = createRequire(join(process.cwd(), 'noop.js'));
    require('node:http');
    require('node:https');
  };
  enable(instrumentations.list);
  let stopping: Promise<void> | undefined;
  const shutdown = () => {
    stopping ??= provider.shutdown();
    return stopping;
  };
  flushOnSignals({ shutdown }, { timeoutMs: FLUSH_TIMEOUT_MS, log });
  const summary = [
    `spans -> ${exports.map(({ description }) => description).join(' and ')}`,
    `batch delay ${config.batchDelayMs} ms`,
    `SDK ${sdk.packageName}@${sdk.version}`,
    `propagators ${config.propagators.join(',') || 'none'}`,
    `instrumentations ${instrumentations.names.join(', ') || 'none'}`,
  ].join('; ');
  log(summary);
  return {
    config,
    summary,
    addInstrumentations: (...list) => enable(list),
    forceFlush: async () => {
      await provider.forceFlush();
      // forceFlush does not wait for an export already on its way (a batch timer's, a concurrent flush's).
      await Promise.all(tracked.map((exporter) => exporter.idle()));
    },
    shutdown,
  };
}

function loadSdk(modules: ServiceModules): TraceSdk {
  for (const name of TRACE_SDK_PACKAGES) {
    const loaded = modules.load(name);
    if (!loaded) continue;
    const sdk = traceSdkOf(name, loaded.module, (dependency) => {
      const found = modules.load(dependency);
      if (!found) throw new Error(`${dependency} was not found next to ${name}`);
      return found.module;
    });
    if (sdk) return { ...sdk, version: loaded.version };
  }
  throw new Error(
    "[tracespec/service] no OpenTelemetry trace SDK is installed for this service. Install today's line: " +
      'npm install @opentelemetry/sdk-trace @opentelemetry/api @opentelemetry/exporter-trace-otlp-proto @opentelemetry/instrumentation-http ' +
      '(or the 2.x line with @opentelemetry/sdk-trace-base).',
  );
}

const OTLP_PACKAGES = {
  'http/protobuf': '@opentelemetry/exporter-trace-otlp-proto',
  'http/json': '@opentelemetry/exporter-trace-otlp-http',
  grpc: '@opentelemetry/exporter-trace-otlp-grpc',
} as const;

function makeExporter(
  exporter: ServiceExporter,
  config: ServiceConfig,
  sdk: TraceSdk,
  modules: ServiceModules,
): { exporter: object | undefined; description: string } {
  switch (exporter.kind) {
    case 'none':
      return { exporter: undefined, description: 'nowhere (OTEL_TRACES_EXPORTER=none)' };
    case 'console':
      return { exporter: sdk.consoleExporter(), description: 'the console' };
    case 'zipkin': {
      const Zipkin = exportClass(
        modules,
        '@opentelemetry/exporter-zipkin',
        'ZipkinExporter',
        'OTEL_TRACES_EXPORTER=zipkin',
      );
      return {
        exporter: new Zipkin({ url: exporter.endpoint, serviceName: config.serviceName }),
        description: `${exporter.endpoint} (Zipkin JSON)`,
      };
    }
    case 'otlp': {
      const packageName = OTLP_PACKAGES[exporter.protocol];
      const Exporter = exportClass(
        modules,
        packageName,
        'OTLPTraceExporter',
        `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=${exporter.protocol}`,
      );
      return {
        exporter: new Exporter({ url: exporter.endpoint }),
        description: `${exporter.endpoint} (OTLP ${exporter.protocol})`,
      };
    }
  }
}

function exportClass(modules: ServiceModules, packageName: string, className: string, why: string): Constructor {
  const loaded = modules.load(packageName);
  const Class = loaded?.module[className];
  if (typeof Class === 'function') return Class as Constructor;
  throw new Error(
    `[tracespec/service] ${why} needs ${packageName}, which is not installed for this service: npm install ${packageName} (the release that matches your SDK).`,
  );
}

function makePropagators(
  names: readonly ServicePropagator[],
  sdk: TraceSdk,
  modules: ServiceModules,
): TextMapPropagator[] {
  const [traceContext, baggage] = sdk.w3cPropagators();
  const make = (name: ServicePropagator): TextMapPropagator => {
    if (name === 'tracecontext') return traceContext as TextMapPropagator;
    if (name === 'baggage') return baggage as TextMapPropagator;
    if (name === 'jaeger') return new JaegerPropagator();
    const b3 = modules.load('@opentelemetry/propagator-b3')?.module as Module | undefined;
    const B3 = b3?.B3Propagator as Constructor | undefined;
    if (!B3) {
      throw new Error(
        `[tracespec/service] OTEL_PROPAGATORS=${name} needs @opentelemetry/propagator-b3, which is not installed for this service: npm install @opentelemetry/propagator-b3.`,
      );
    }
    const encodings = b3?.B3InjectEncoding as Record<string, number> | undefined;
    return new B3({
      injectEncoding: encodings?.[name === 'b3' ? 'SINGLE_HEADER' : 'MULTI_HEADER'],
    }) as TextMapPropagator;
  };
  return names.map(make);
}

function makeInstrumentations(
  config: ServiceConfig,
  modules: ServiceModules,
  log: (line: string) => void,
): { list: InstrumentationLike[]; names: string[] } {
  const list: InstrumentationLike[] = [];
  const names: string[] = [];
  const ignored = new Set(config.ignorePaths);
  for (const name of config.instrumentations) {
    const packageName = `@opentelemetry/instrumentation-${name}`;
    const module = modules.load(packageName)?.module;
    const Class = module?.[name === 'http' ? 'HttpInstrumentation' : 'UndiciInstrumentation'] as
      | Constructor
      | undefined;
    if (!Class) {
      log(
        `${packageName} is not installed: no spans for ${name === 'http' ? 'node:http requests' : 'fetch'} (npm install ${packageName})`,
      );
      continue;
    }
    const options =
      name === 'http' && ignored.size > 0
        ? {
            ignoreIncomingRequestHook: (request: { url?: string }) =>
              ignored.has((request.url ?? '/').split('?')[0] ?? '/'),
          }
        : {};
    list.push(new Class(options) as InstrumentationLike);
    names.push(name);
  }
  return { list, names };
}

function idle(config: ServiceConfig, summary: string): ServiceTracing {
  return {
    config,
    summary,
    addInstrumentations: () => {},
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}
