// Public entry of tracespec/service: OpenTelemetry for a Node service under test, in one import.
//   node --import tracespec/service server.js      or      import 'tracespec/service'; (first, before anything else)
// It reads the standard OTEL_* variables (the ones TracedContainer, TracedProcess and collector.env() set), sets up
// the installed SDK with the http and undici instrumentations, flushes on SIGTERM/SIGINT, and says on stderr where
// it exports.
import { readServiceConfig } from './readServiceConfig.ts';
import { serviceModules } from './ServiceModules.ts';
import type { ServiceTracing } from './startServiceTracing.ts';
import { startServiceTracing } from './startServiceTracing.ts';

export { readServiceConfig, type ServiceConfigReading } from './readServiceConfig.ts';
export type {
  ServiceConfig,
  ServiceExporter,
  ServiceInstrumentation,
  ServiceOtlpProtocol,
  ServicePropagator,
} from './ServiceConfig.ts';
export type { ServiceTracing } from './startServiceTracing.ts';

const KEY = Symbol.for('tracespec.serviceTracing');

function start(): ServiceTracing {
  // Once per process, even when the module is loaded twice (--import and a bundled copy).
  const existing = (globalThis as Record<symbol, unknown>)[KEY] as ServiceTracing | undefined;
  if (existing) return existing;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const { config, problems } = readServiceConfig(process.env);
  for (const problem of problems) log(`[tracespec/service] ${config.serviceName}: ${problem}`);
  const tracing = startServiceTracing(config, serviceModules(process.argv[1]), { log });
  (globalThis as Record<symbol, unknown>)[KEY] = tracing;
  return tracing;
}

/**
 * The OpenTelemetry set-up this import started: call `shutdown()` in a SIGTERM handler of your own before you exit,
 * or `addInstrumentations()` for more libraries.
 *
 * @example
 * import { serviceTracing } from 'tracespec/service';
 * import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
 * serviceTracing.addInstrumentations(new PgInstrumentation());
 */
export const serviceTracing: ServiceTracing = start();
