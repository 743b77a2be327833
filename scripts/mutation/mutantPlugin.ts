import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** Environment variable naming a JSON file `{ file, code }`: the absolute path of a source and its mutated text. */
export const MUTANT_ENV = 'TRACESPEC_MUTANT';

interface ActiveMutant {
  readonly file: string;
  readonly code: string;
}

/**
 * A vite plugin that serves one source file with mutated text, so a mutant is tested without the file on disk
 * ever being changed (nothing to restore when a run is killed). Without the environment variable it does nothing.
 */
export function mutantPlugin(env: NodeJS.ProcessEnv = process.env): Plugin {
  const path = env[MUTANT_ENV];
  const mutant: ActiveMutant | undefined =
    path === undefined || path === '' ? undefined : (JSON.parse(readFileSync(path, 'utf8')) as ActiveMutant);
  return {
    name: 'tracespec:mutant',
    enforce: 'pre',
    transform(_code, id) {
      if (mutant === undefined) return undefined;
      const file = id.split('?')[0];
      return file === mutant.file ? { code: mutant.code, map: null } : undefined;
    },
  };
}
