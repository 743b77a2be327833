import type {
  ServiceConfig,
  ServiceExporter,
  ServiceInstrumentation,
  ServiceOtlpProtocol,
  ServicePropagator,
} from './ServiceConfig.ts';

const PROTOCOLS: readonly ServiceOtlpProtocol[] = ['http/protobuf', 'http/json', 'grpc'];
const PROPAGATORS: readonly ServicePropagator[] = ['tracecontext', 'baggage', 'b3', 'b3multi', 'jaeger'];
const INSTRUMENTATIONS: readonly ServiceInstrumentation[] = ['http', 'undici'];
const DEFAULT_BATCH_DELAY_MS = 5_000;

/** The configuration, and what was wrong with the variables (each a sentence that says what was used instead). */
export interface ServiceConfigReading {
  readonly config: ServiceConfig;
  readonly problems: readonly string[];
}

/**
 * Reads the standard OpenTelemetry environment variables the way the OpenTelemetry SDKs do (the spec's
 * "Environment Variable Specification"): service name and resource, exporter, OTLP protocol and endpoint (a
 * signal-specific endpoint is used as is, a base endpoint gets `/v1/traces` for HTTP), propagators, batch delay.
 * Nothing is thrown: a value that cannot be used is named in `problems` with what was used instead.
 *
 * @example
 * const { config, problems } = readServiceConfig({
 *   OTEL_SERVICE_NAME: 'orders',
 *   OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
 *   OTEL_PROPAGATORS: 'tracecontext,baggage,b3',
 * });
 * config.exporters[0]; // { kind: 'otlp', protocol: 'http/protobuf', endpoint: 'http://127.0.0.1:4318/v1/traces' }
 */
export function readServiceConfig(env: Readonly<Record<string, string | undefined>>): ServiceConfigReading {
  const problems: string[] = [];
  const resource = readResource(env.OTEL_RESOURCE_ATTRIBUTES, problems);
  const serviceName = nonEmpty(env.OTEL_SERVICE_NAME) ?? resource['service.name'] ?? 'unknown_service:node';
  const config: ServiceConfig = {
    disabled: nonEmpty(env.OTEL_SDK_DISABLED)?.toLowerCase() === 'true',
    serviceName,
    resource: { ...resource, 'service.name': serviceName },
    exporters: readExporters(env, problems),
    propagators: readList(env.OTEL_PROPAGATORS, 'OTEL_PROPAGATORS', PROPAGATORS, ['tracecontext', 'baggage'], problems),
    batchDelayMs: readMillis(env.OTEL_BSP_SCHEDULE_DELAY, 'OTEL_BSP_SCHEDULE_DELAY', DEFAULT_BATCH_DELAY_MS, problems),
    instrumentations: readInstrumentations(env, problems),
    ignorePaths: (nonEmpty(env.TRACESPEC_IGNORE_PATHS) ?? '')
      .split(',')
      .map((path) => path.trim())
      .filter((path) => path !== ''),
  };
  return { config, problems };
}

function readExporters(env: Readonly<Record<string, string | undefined>>, problems: string[]): ServiceExporter[] {
  const names = (nonEmpty(env.OTEL_TRACES_EXPORTER) ?? 'otlp').split(',').map((name) => name.trim().toLowerCase());
  const exporters: ServiceExporter[] = [];
  for (const name of names) {
    if (name === 'none') return [{ kind: 'none' }];
    if (name === 'otlp') exporters.push(otlpExporter(env, problems));
    else if (name === 'zipkin') {
      exporters.push({
        kind: 'zipkin',
        endpoint: nonEmpty(env.OTEL_EXPORTER_ZIPKIN_ENDPOINT) ?? 'http://localhost:9411/api/v2/spans',
      });
    } else if (name === 'console') exporters.push({ kind: 'console' });
    else if (name !== '')
      problems.push(
        `OTEL_TRACES_EXPORTER names "${name}", which is not one of otlp, zipkin, console, none; it is left out.`,
      );
  }
  return exporters.length > 0 ? exporters : [otlpExporter(env, problems)];
}

function otlpExporter(env: Readonly<Record<string, string | undefined>>, problems: string[]): ServiceExporter {
  const given = nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL) ?? nonEmpty(env.OTEL_EXPORTER_OTLP_PROTOCOL);
  let protocol: ServiceOtlpProtocol = 'http/protobuf';
  if (given !== undefined) {
    if ((PROTOCOLS as readonly string[]).includes(given)) protocol = given as ServiceOtlpProtocol;
    else problems.push(`the OTLP protocol "${given}" is not one of ${PROTOCOLS.join(', ')}; using http/protobuf.`);
  }
  const signal = nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const base = nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const endpoint =
    signal ??
    (protocol === 'grpc'
      ? (base ?? 'http://localhost:4317')
      : `${(base ?? 'http://localhost:4318').replace(/\/+$/, '')}/v1/traces`);
  return { kind: 'otlp', protocol, endpoint };
}

function readInstrumentations(
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): ServiceInstrumentation[] {
  const enabled = readList(
    env.OTEL_NODE_ENABLED_INSTRUMENTATIONS,
    'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
    INSTRUMENTATIONS,
    INSTRUMENTATIONS,
    problems,
  );
  const disabled = new Set(
    readList(
      env.OTEL_NODE_DISABLED_INSTRUMENTATIONS,
      'OTEL_NODE_DISABLED_INSTRUMENTATIONS',
      INSTRUMENTATIONS,
      [],
      problems,
    ),
  );
  return enabled.filter((name) => !disabled.has(name));
}

function readList<T extends string>(
  value: string | undefined,
  variable: string,
  known: readonly T[],
  fallback: readonly T[],
  problems: string[],
): T[] {
  const text = nonEmpty(value);
  if (text === undefined) return [...fallback];
  const items: T[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim().toLowerCase();
    if (item === '' || item === 'none') continue;
    if ((known as readonly string[]).includes(item)) {
      if (!items.includes(item as T)) items.push(item as T);
    } else
      problems.push(
        `${variable} names "${item}", which tracespec/service does not know (it knows ${known.join(', ')}); it is left out.`,
      );
  }
  return items;
}

function readMillis(value: string | undefined, variable: string, fallback: number, problems: string[]): number {
  const text = nonEmpty(value);
  if (text === undefined) return fallback;
  const number = Number(text);
  if (Number.isFinite(number) && number >= 0) return number;
  problems.push(`${variable}="${text}" is not a number of milliseconds; using ${fallback}.`);
  return fallback;
}

function readResource(value: string | undefined, problems: string[]): Record<string, string> {
  const resource: Record<string, string> = {};
  const text = nonEmpty(value);
  if (text === undefined) return resource;
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    if (key === '') {
      problems.push(`OTEL_RESOURCE_ATTRIBUTES has "${pair}", which is not key=value; it is left out.`);
      continue;
    }
    try {
      resource[key] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      problems.push(`OTEL_RESOURCE_ATTRIBUTES: the value of "${key}" is not valid percent-encoding; it is left out.`);
    }
  }
  return resource;
}

function nonEmpty(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text === undefined || text === '' ? undefined : text;
}
