import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Path of a fixture under test/fixtures. */
export const fixture = (path: string) => fileURLToPath(new URL(`../../../fixtures/${path}`, import.meta.url));

/** Runs a command to its end; rejects with its stderr when it fails. */
export function runChild(command: string, args: readonly string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/** Runs the two-service checkout scenario in a child Node process with the given exporter. */
export function runScenario(exporter: string, env: Record<string, string>): Promise<string> {
  return runChild(process.execPath, [fixture('exporters/exportScenario.ts')], { ...env, EXPORTER: exporter });
}
