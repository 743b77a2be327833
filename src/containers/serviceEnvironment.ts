import { readinessProbe } from './readinessProbe.ts';
import type { ServiceSettings } from './ServiceSettings.ts';

/** Where the service runs, as far as its environment variables are concerned. */
export interface ServicePlacement {
  readonly serviceName: string;
  /** Port the service must listen on. */
  readonly port: number;
  /** Host under which the service reaches the exporter target (`host.docker.internal` from a container). */
  readonly exporterHost: string | undefined;
  /** URL of every other service of the environment, as this service reaches it. */
  readonly serviceUrls: Readonly<Record<string, string>>;
  /** Per link variable, a URL that replaces the service's (the recording tap of that link). */
  readonly linkUrls?: Readonly<Record<string, string>>;
}

/**
 * The variables a traced service starts with. Later entries win: exporter, export delay, probe path, `PORT`, links, then the
 * user's own `withEnvironment` values, so a test can always override what tracespec chose.
 */
export function serviceEnvironment(settings: ServiceSettings, placement: ServicePlacement): Record<string, string> {
  const links: Record<string, string> = {};
  for (const [variable, service] of Object.entries(settings.links)) {
    const url = placement.serviceUrls[service];
    if (url === undefined) {
      const known = Object.keys(placement.serviceUrls).join(', ') || 'none';
      throw new Error(
        `[tracespec] service "${placement.serviceName}" links ${variable} to "${service}", which is not part of the environment (services: ${known}). Add it with withService() or fix the name.`,
      );
    }
    links[variable] = placement.linkUrls?.[variable] ?? url;
  }
  const exporter = settings.exporter?.env({ serviceName: placement.serviceName, host: placement.exporterHost }) ?? {};
  return {
    OTEL_SERVICE_NAME: placement.serviceName,
    ...exporter,
    OTEL_BSP_SCHEDULE_DELAY: String(settings.batchDelayMs),
    // tracespec/service gives readiness probes no span: they are not part of any test's trace.
    TRACESPEC_IGNORE_PATHS: readinessProbe(settings).path,
    PORT: String(placement.port),
    ...links,
    ...settings.environment,
  };
}
