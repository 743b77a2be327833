// Writes the suites of row 12: the same tests with tracespec's fixture and set-up, and with plain vitest and the
// same OpenTelemetry SDK set-up and http instrumentation (an in-memory exporter, as a suite without tracespec has).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Which side of the comparison a suite is. */
export type SuiteSide = 'tracespec' | 'plain';

/** The shape of a suite: how many tests, how many per file, and whether they are `test.concurrent`. */
export interface SuiteShape {
  readonly tests: number;
  readonly perFile: number;
  readonly concurrent: boolean;
}

const root = new URL('../.suites/', import.meta.url);

// tracespec as a user installs it: the built package (dist/, which the row builds first), loaded by Node itself as
// vitest loads any installed dependency, not transformed by vite as the repository's sources would be.
const config = `import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const dist = (path: string) => fileURLToPath(new URL(\`../../../dist/\${path}\`, import.meta.url));

export default defineConfig({
  resolve: { alias: [{ find: /^tracespec\\/(.+)$/, replacement: dist('$1/index.js') }] },
  test: { include: ['*.test.ts'], setupFiles: ['./setup.ts'], server: { deps: { external: [/\\/dist\\//] } } },
});
`;

const tracespecSetup = `import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { setupTracing } from 'tracespec/vitest';

setupTracing({ serviceName: 'bench', instrumentations: [new HttpInstrumentation()] });
`;

// What a suite without tracespec needs for the same spans: the same SDK, context manager, propagators and http
// instrumentation, registered once per worker (a second HttpInstrumentation would record every span twice), and
// node:http loaded through require so that ES module imports of it are patched too.
const plainSetup = `import { createRequire } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

const shared = globalThis as { __overheadExporter?: InMemorySpanExporter };
if (!shared.__overheadExporter) {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'bench' }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  trace.setGlobalTracerProvider(provider);
  const http = new HttpInstrumentation();
  http.setTracerProvider(provider);
  http.enable();
  createRequire(import.meta.url)('node:http');
  shared.__overheadExporter = exporter;
}
`;

function testFile(side: SuiteSide, shape: SuiteShape, file: number, count: number): string {
  const declare = shape.concurrent ? 'test.concurrent' : 'test';
  const head = [
    "import { afterAll, beforeAll } from 'vitest';",
    side === 'tracespec' ? "import { test } from 'tracespec/vitest';" : "import { afterEach, test } from 'vitest';",
    "import { isFor, REQUESTS, requests, startServer } from '../../suites/overheadServer.ts';",
    '',
    'let server: Awaited<ReturnType<typeof startServer>>;',
    'beforeAll(async () => {',
    '  server = await startServer();',
    '});',
    'afterAll(() => server.close());',
  ];
  if (side === 'plain') {
    head.push(
      "const exporter = (globalThis as { __overheadExporter?: import('@opentelemetry/sdk-trace').InMemorySpanExporter }).__overheadExporter!;",
      shape.concurrent ? 'afterAll(() => exporter.reset());' : 'afterEach(() => exporter.reset());',
    );
  }
  const body =
    side === 'tracespec'
      ? [
          `  ${declare}(\`test \${i}\`, async ({ traces, expect }) => {`,
          `    const path = \`/f${file}/t\${i}\`;`,
          '    await requests(server.port, path);',
          '    expect(traces.spans.filter((span) => isFor(span.attributes, path))).toHaveLength(2 * REQUESTS);',
          '    expect(traces.spans).toHaveLength(2 * REQUESTS);',
          '  });',
        ]
      : [
          `  ${declare}(\`test \${i}\`, async ({ expect }) => {`,
          `    const path = \`/f${file}/t\${i}\`;`,
          '    await requests(server.port, path);',
          '    const spans = exporter.getFinishedSpans();',
          '    expect(spans.filter((span) => isFor(span.attributes, path))).toHaveLength(2 * REQUESTS);',
          ...(shape.concurrent ? [] : ['    expect(spans).toHaveLength(2 * REQUESTS);']),
          '  });',
        ];
  return [...head, '', `for (let i = 0; i < ${count}; i++) {`, ...body, '}', ''].join('\n');
}

/** Writes one suite into `bench/.suites/<name>/` (replacing what was there) and returns its folder. */
export function generateSuite(name: string, side: SuiteSide, shape: SuiteShape): string {
  const folder = fileURLToPath(new URL(`${name}/`, root));
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}vitest.config.ts`, config);
  writeFileSync(`${folder}setup.ts`, side === 'tracespec' ? tracespecSetup : plainSetup);
  for (let file = 0, left = shape.tests; left > 0; file++, left -= shape.perFile) {
    writeFileSync(`${folder}f${file}.test.ts`, testFile(side, shape, file, Math.min(shape.perFile, left)));
  }
  return folder;
}

/** Removes every generated suite. */
export function removeSuites(): void {
  rmSync(fileURLToPath(root), { recursive: true, force: true });
}
