/**
 * A Node.js service given by its source files: its OpenTelemetry set-up runs first, then `entry`. Both may be
 * TypeScript or JavaScript; they are bundled into one CommonJS file with esbuild, together with the OpenTelemetry
 * packages the set-up uses, so the image needs no `node_modules`.
 *
 * The set-up is `tracespec/service` unless you name your own: it reads the `OTEL_*` variables tracespec gives the
 * service, uses the SDK, exporters, propagators and instrumentations installed in your project, and flushes on
 * SIGTERM.
 *
 * @example
 * const gateway: NodeService = { entry: fileURLToPath(new URL('./gateway.ts', import.meta.url)) };
 * const legacy: NodeService = { entry: '/abs/legacy.js', instrumentation: '/abs/my-otel-setup.js' };
 */
export interface NodeService {
  /** Absolute path of the service's main file. */
  readonly entry: string;
  /**
   * Absolute path of a file that sets up OpenTelemetry, loaded before `entry`; default `tracespec/service`;
   * `false` for none (the service sets itself up, or is not traced).
   */
  readonly instrumentation?: string | false;
}
