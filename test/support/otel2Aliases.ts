// The sdk2 test project runs suites against the OpenTelemetry 2.x line (API 1.9, SDK 2.12, instrumentations 0.223)
// installed in the test/fixtures/otel2 workspace: every @opentelemetry package found there replaces the root's copy
// (today's 3.x line) for the test files and tracespec's sources, and tracespec looks for the SDK there first.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the 2.x line's installation. */
export const OTEL2_FOLDER = fileURLToPath(new URL('../fixtures/otel2/', import.meta.url));

/** vite aliases that send each `@opentelemetry/<name>` the 2.x workspace has to its copy there. */
export function otel2Aliases(): { find: RegExp; replacement: string }[] {
  const scope = `${OTEL2_FOLDER}node_modules/@opentelemetry/`;
  if (!existsSync(scope)) {
    throw new Error(
      '[tracespec tests] the OpenTelemetry 2.x workspace (test/fixtures/otel2) is not installed; run npm ci at the repository root.',
    );
  }
  return readdirSync(scope).map((name) => ({
    find: new RegExp(`^@opentelemetry/${name.replace(/[-.]/g, '\\$&')}$`),
    replacement: `${scope}${name}`,
  }));
}

/** The environment of a run on the 2.x line: tracespec takes its SDK from the workspace. */
export const OTEL2_ENV = { TRACESPEC_OTEL_SDK_FROM: OTEL2_FOLDER, TRACESPEC_OTEL_LINE: '2' } as const;
