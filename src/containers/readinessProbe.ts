import type { ServiceSettings } from './ServiceSettings.ts';

/**
 * Path probed when a service has no ready path of its own: any HTTP answer (a 404 too) means it is listening. A path
 * no real route uses, so that `tracespec/service` can leave the probes out of the traces.
 */
export const DEFAULT_PROBE_PATH = '/.well-known/tracespec-ready';

/**
 * How readiness is probed: the path, and whether only a 2xx counts (a ready path given with `withReadyPath`) or any
 * answer does.
 *
 * @example
 * readinessProbe(settings); // { path: '/health', requireOk: true }
 */
export function readinessProbe(settings: Pick<ServiceSettings, 'readyPath'>): { path: string; requireOk: boolean } {
  return settings.readyPath === undefined
    ? { path: DEFAULT_PROBE_PATH, requireOk: false }
    : { path: settings.readyPath, requireOk: true };
}
