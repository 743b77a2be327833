// Anchors of the OpenTelemetry 2.x line (contrib-test-utils needs API < 1.10, so it cannot share the repository's
// node_modules with today's SDK): installed into bench/anchors by the bench itself, on first use, from its lockfile.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../anchors/', import.meta.url));
const INSTALL_ATTEMPTS = 3;

/** `require` from the anchors' own installation, installing it first when it is missing (retried: the registry may not answer once). */
export function requireAnchor(name: string): unknown {
  for (let attempt = 1; !existsSync(`${folder}node_modules/${name}/package.json`); attempt++) {
    process.stderr.write(`[bench] installing the 2.x-line anchors into bench/anchors (npm ci, try ${attempt})...\n`);
    try {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, stdio: 'inherit' });
    } catch (error) {
      if (attempt >= INSTALL_ATTEMPTS) {
        throw new Error(`[bench] could not install the anchors in bench/anchors after ${attempt} tries`, {
          cause: error,
        });
      }
    }
  }
  return createRequire(`${folder}package.json`)(name);
}
