import { createHash } from 'node:crypto';
import { dirname, isAbsolute } from 'node:path';
import type { NodeService } from './NodeService.ts';

/** One self-contained CommonJS file holding the instrumentation set-up and the service. */
export interface NodeServiceBundle {
  readonly code: string;
  /** sha256 of `code`. */
  readonly hash: string;
}

type Esbuild = typeof import('esbuild');

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
 * Bundles a {@link NodeService} with esbuild. The instrumentation is required before the service, so that
 * `require-in-the-middle` patches `http` and friends before the service loads them (Node builtins stay external
 * and go through `require`).
 */
export async function bundleNodeService(service: NodeService): Promise<NodeServiceBundle> {
  for (const [option, path] of Object.entries(service)) {
    if (path !== undefined && !isAbsolute(path)) {
      throw new Error(`[tracespec] NodeService.${option} must be an absolute path, got "${path}".`);
    }
  }
  const esbuild = await loadEsbuild();
  const files = [service.instrumentation, service.entry].filter((file) => file !== undefined);
  const contents = files.map((file) => `require(${JSON.stringify(file)});`).join('\n');
  const result = await esbuild
    .build({
      stdin: { contents, loader: 'js', resolveDir: dirname(service.entry) },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
    })
    .catch((error: Error) => {
      throw new Error(`[tracespec] could not bundle the Node service ${service.entry}: ${error.message}`);
    });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('[tracespec] esbuild produced no output for the service bundle.');
  return { code: output.text, hash: createHash('sha256').update(output.text).digest('hex') };
}
