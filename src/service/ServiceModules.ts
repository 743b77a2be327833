import { createRequire } from 'node:module';
import { packageVersion } from '../capture/sdk/loadTraceSdk.ts';
import { resolveServicePackages } from './servicePackages.ts';

/** A loaded package, and its version when known. */
export interface LoadedPackage {
  readonly module: Record<string, unknown>;
  readonly version: string;
}

/** The OpenTelemetry packages a service can use, loaded on demand; `undefined` for one that is not installed. */
export interface ServiceModules {
  has(name: string): boolean;
  load(name: string): LoadedPackage | undefined;
}

/** What a service bundle puts in the global table: for each package, its version and a thunk that requires it. */
export type BundledPackages = Record<string, { readonly version: string; readonly load: () => unknown }>;

/** The key of the table a service bundle fills before `tracespec/service` runs. */
export const BUNDLED_PACKAGES_KEY = Symbol.for('tracespec.servicePackages');

/**
 * The packages of a service: from the table its bundle filled (registry-free images, `TracedProcess` bundles), or
 * else resolved from the service's own installation (`node --import tracespec/service server.js`).
 *
 * @example
 * const modules = serviceModules(process.argv[1]);
 * modules.load('@opentelemetry/instrumentation-http')?.module.HttpInstrumentation;
 */
export function serviceModules(from?: string): ServiceModules {
  const bundled = (globalThis as Record<symbol, unknown>)[BUNDLED_PACKAGES_KEY] as BundledPackages | undefined;
  if (bundled) {
    return {
      has: (name) => name in bundled,
      load: (name) => {
        const entry = bundled[name];
        return entry ? { module: entry.load() as Record<string, unknown>, version: entry.version } : undefined;
      },
    };
  }
  const paths = resolveServicePackages(from);
  const cache = new Map<string, LoadedPackage>();
  return {
    has: (name) => paths.has(name),
    load: (name) => {
      const path = paths.get(name);
      if (path === undefined) return undefined;
      let loaded = cache.get(name);
      if (!loaded) {
        loaded = { module: createRequire(path)(path) as Record<string, unknown>, version: packageVersion(path, name) };
        cache.set(name, loaded);
      }
      return loaded;
    },
  };
}
