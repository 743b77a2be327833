// What a user gets: the packed tarball installed in a new project with the peers of each OpenTelemetry line (today's
// latest releases, and the 2.x line), no repository aliases. The install must be clean (no peer warnings, `npm ls`
// passes), the project must type-check against the published types, and a small suite through the public entry
// points must pass there: the quick start, setupTracing with the http instrumentation, the collector with a service
// set up by tracespec/service, msw, a registry-free container, and the tracespec command.
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const template = fileURLToPath(new URL('./consumer/', import.meta.url));
const run = promisify(execFile);

const common = [
  'vitest@latest',
  'msw@latest',
  'testcontainers@latest',
  'esbuild@latest',
  'typescript@latest',
  '@types/node@latest',
];
const lines = {
  'today’s latest releases': [
    '@opentelemetry/api@latest',
    '@opentelemetry/sdk-trace@latest',
    '@opentelemetry/instrumentation-http@latest',
    '@opentelemetry/instrumentation-undici@latest',
    '@opentelemetry/exporter-trace-otlp-proto@latest',
  ],
  'the 2.x line': [
    '@opentelemetry/api@~1.9.0',
    '@opentelemetry/sdk-trace-base@^2.12.0',
    '@opentelemetry/instrumentation-http@~0.223.0',
    '@opentelemetry/instrumentation-undici@~0.33.0',
    '@opentelemetry/exporter-trace-otlp-proto@~0.223.0',
  ],
};

let tarball: string;
let packFolder: string;
beforeAll(async () => {
  packFolder = await mkdtemp(join(tmpdir(), 'tracespec-pack-'));
  // `npm pack` builds the package first (prepack), as `npm publish` would.
  const { stdout } = await run('npm', ['pack', '--pack-destination', packFolder, '--silent'], {
    cwd: repository,
    maxBuffer: 64 * 1024 * 1024,
  });
  tarball = join(packFolder, stdout.trim().split('\n').at(-1) ?? '');
});
afterAll(() => rm(packFolder, { recursive: true, force: true }));

describe.each(Object.entries(lines))('a new project with %s', (_line, otel) => {
  let project: string;
  let install: { stdout: string; stderr: string };
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'tracespec-consumer-'));
    await cp(template, project, { recursive: true });
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    install = await run('npm', ['install', '--no-audit', '--no-fund', '-D', tarball, ...otel, ...common], {
      cwd: project,
      maxBuffer: 64 * 1024 * 1024,
    });
  });
  afterAll(() => rm(project, { recursive: true, force: true }));

  test('installs with no peer-dependency warning, and npm ls is clean', async () => {
    expect(`${install.stdout}\n${install.stderr}`).not.toMatch(/ERESOLVE|peer dep|invalid:/i);
    await expect(run('npm', ['ls', '--all'], { cwd: project, maxBuffer: 64 * 1024 * 1024 })).resolves.toBeDefined();
  });

  test('type-checks against the published types', async () => {
    const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', '.'], { cwd: project }).catch((error) => error);
    expect(`${result.stdout ?? ''}${result.stderr ?? ''}`).toBe('');
  });

  test('the suite through the public entry points passes', async () => {
    const sdk = JSON.parse(
      await readFile(join(project, 'node_modules', '@opentelemetry', 'sdk-trace', 'package.json'), 'utf8'),
    ) as { version: string };
    const vitest = join(project, 'node_modules', 'vitest', 'vitest.mjs');
    const child = spawn(process.execPath, [vitest, 'run', '--reporter=json', '--outputFile=results.json'], {
      cwd: project,
      env: {
        ...process.env,
        CONSUMER_DOCKER: inject('docker').available ? '1' : '0',
        EXPECTED_SDK: `@opentelemetry/sdk-trace@${sdk.version}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const results = JSON.parse(await readFile(join(project, 'results.json'), 'utf8')) as {
      testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
    };
    const assertions = results.testResults.flatMap((file) => file.assertionResults);
    const outcomes = assertions.map((assertion) => `${assertion.status}: ${assertion.title}`);
    const failures = assertions.flatMap((assertion) => assertion.failureMessages).join('\n\n');
    expect(outcomes.sort(), `${failures}\n\n${output}`).toEqual(
      [
        'passed: placing an order writes it to the database',
        'passed: server and client spans of one request, one connected trace',
        'passed: the service’s server span is a child of the test’s client span',
        'passed: the inventory call carries a W3C traceparent of the test’s trace',
        `${inject('docker').available ? 'passed' : 'skipped'}: its spans arrive, in the test’s trace, and the readiness probes are left out`,
        'passed: tracespec show prints a saved OTLP JSON trace as a tree',
      ].sort(),
    );
    expect(code).toBe(0);
  });
});
