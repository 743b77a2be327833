import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageOf, packageVersion } from '../../capture/sdk/loadTraceSdk.ts';
import { BUNDLED_PACKAGES_KEY } from '../../service/ServiceModules.ts';
import { resolveServicePackages } from '../../service/servicePackages.ts';
import type { NodeService } from './NodeService.ts';

/** One self-contained CommonJS file holding the instrumentation set-up and the service. */
export interface NodeServiceBundle {
  readonly code: string;
  /** sha256 of `code`. */
  readonly hash: string;
}

type Esbuild = typeof import('esbuild');

const API = '@opentelemetry/api';

async function loadEsbuild(): Promise<Esbuild> {
  try {
    return await import('esbuild');
  } catch {
    throw new Error(
      '[tracespec] bundling a Node service needs esbuild, an optional peer dependency of tracespec/containers. ' +
        'Install it: npm install -D esbuild',
    );
  }
}

/**
 * `tracespec/service` as a file of this package: the sources (src/service/index.ts) when this module runs from
 * them, the build (dist/service/index.js) in an installed package, where this code may sit in a shared chunk.
 */
function serviceSetupFile(): string {
  const module = fileURLToPath(import.meta.url);
  for (let folder = dirname(module); dirname(folder) !== folder; folder = dirname(folder)) {
    const name = basename(folder);
    if ((name === 'src' || name === 'dist') && existsSync(join(dirname(folder), 'package.json'))) {
      return join(folder, 'service', `index${name === 'src' ? '.ts' : '.js'}`);
    }
  }
  throw new Error(`[tracespec] cannot find tracespec's own src/ or dist/ folder above ${module}; reinstall tracespec.`);
}

/**
 * Bundles a {@link NodeService} with esbuild. The set-up (`tracespec/service` by default) is required before the
 * service, so that `require-in-the-middle` patches `http` and friends before the service loads them (Node builtins
 * stay external and go through `require`). For `tracespec/service`, the OpenTelemetry packages installed for the
 * service are resolved now and required by path, so the bundle carries exactly the SDK, exporters and
 * instrumentations the project has.
 */
export async function bundleNodeService(service: NodeService): Promise<NodeServiceBundle> {
  for (const [option, path] of Object.entries(service)) {
    if (typeof path === 'string' && !isAbsolute(path)) {
      throw new Error(`[tracespec] NodeService.${option} must be an absolute path, got "${path}".`);
    }
  }
  const esbuild = await loadEsbuild();
  const serviceSetup = serviceSetupFile();
  const setup = service.instrumentation === undefined ? serviceSetup : service.instrumentation;
  const lines: string[] = [];
  const packages = setup === serviceSetup ? resolveServicePackages(service.entry) : new Map<string, string>();
  if (setup === serviceSetup) lines.push(packageTable(packages));
  // One copy of the API in the bundle, the SDK's: a second copy of another minor version would see no provider.
  const api = packages.get(API);
  const apiRoot = api === undefined ? undefined : packageOf(api, API)?.root;
  if (setup !== false) lines.push(`require(${JSON.stringify(setup)});`);
  lines.push(`require(${JSON.stringify(service.entry)});`);
  const result = await esbuild
    .build({
      stdin: { contents: lines.join('\n'), loader: 'js', resolveDir: dirname(service.entry) },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
      ...(apiRoot === undefined ? {} : { alias: { [API]: apiRoot } }),
    })
    .catch((error: Error) => {
      throw new Error(`[tracespec] could not bundle the Node service ${service.entry}: ${error.message}`);
    });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('[tracespec] esbuild produced no output for the service bundle.');
  return { code: output.text, hash: createHash('sha256').update(output.text).digest('hex') };
}

/** The table `tracespec/service` reads its packages from inside a bundle: name -> version and a lazy require. */
function packageTable(packages: ReadonlyMap<string, string>): string {
  const entries = [...packages]
    .filter(([name]) => name !== API)
    .map(
      ([name, path]) =>
        `${JSON.stringify(name)}: { version: ${JSON.stringify(packageVersion(path, name))}, load: () => require(${JSON.stringify(path)}) }`,
    );
  return `globalThis[Symbol.for(${JSON.stringify(BUNDLED_PACKAGES_KEY.description)})] = {\n  ${entries.join(',\n  ')}\n};`;
}
