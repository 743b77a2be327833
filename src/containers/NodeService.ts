/**
 * A Node.js service given by its source files: `instrumentation` (your OpenTelemetry set-up) runs first, then
 * `entry`. Both may be TypeScript or JavaScript; they are bundled into one CommonJS file with esbuild.
 *
 * @example
 * const gateway: NodeService = {
 *   entry: fileURLToPath(new URL('./gateway.ts', import.meta.url)),
 *   instrumentation: fileURLToPath(new URL('./otel.ts', import.meta.url)),
 * };
 */
export interface NodeService {
  /** Absolute path of the service's main file. */
  readonly entry: string;
  /** Absolute path of a file that sets up OpenTelemetry; loaded before `entry`. */
  readonly instrumentation?: string;
}
