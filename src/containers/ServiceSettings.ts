import type { ExporterTarget } from './ExporterTarget.ts';

/** Everything a traced service is configured with, whichever way it runs (container or child process). */
export interface ServiceSettings {
  readonly serviceName: string | undefined;
  /** Port the service listens on (it receives it as `PORT`); in a child process 0 means "pick a free one". */
  readonly port: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly exporter: ExporterTarget | undefined;
  /** Environment variable -> name of another service in the same environment, resolved to that service's URL. */
  readonly links: Readonly<Record<string, string>>;
  /** Link variables whose traffic goes straight to the other service, without a recording tap. */
  readonly untappedLinks: readonly string[];
  /** HTTP path that answers 2xx once the service is ready; without it any HTTP answer counts. */
  readonly readyPath: string | undefined;
  /** How long the service may take to flush after SIGTERM before it is killed. */
  readonly flushTimeoutMs: number;
  /** `OTEL_BSP_SCHEDULE_DELAY`: how long the batch processor waits before exporting. */
  readonly batchDelayMs: number;
  readonly startupTimeoutMs: number;
}

/** Defaults: short export delay so spans arrive while the test still runs, and time to flush on stop. */
export const DEFAULT_SETTINGS: ServiceSettings = {
  serviceName: undefined,
  port: 0,
  environment: {},
  exporter: undefined,
  links: {},
  untappedLinks: [],
  readyPath: undefined,
  flushTimeoutMs: 5_000,
  batchDelayMs: 100,
  startupTimeoutMs: 60_000,
};
