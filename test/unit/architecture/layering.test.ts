// The folder rules of CONTRIBUTING.md, checked on every import of src/ (read with TypeScript's parser).
import { describe, expect, test } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { cyclesOf, type SourceFile, sourceFiles } from '../../support/sourceGraph.ts';

/** The framework-free core: data, queries, checks, rendering, header codecs, snapshots. No I/O, no frameworks. */
const CORE = new Set(['model', 'query', 'check', 'render', 'propagation', 'snapshot']);
/**
 * The only packages the core may import: OpenTelemetry's API (propagation implements its TextMapPropagator) and
 * the semantic conventions' names (constants, no I/O; the compliance checks' rules use them).
 */
const CORE_PACKAGES = new Set(['@opentelemetry/api', '@opentelemetry/semantic-conventions']);
/** Packages that belong to one integration, and the folders that may import them. */
const OWNERS: Readonly<Record<string, readonly string[]>> = {
  vitest: ['vitest', 'reporter'],
  msw: ['msw'],
  testcontainers: ['containers'],
  dockerode: ['containers'],
  esbuild: ['containers'],
  '@grpc/grpc-js': ['receive'],
};

const files = sourceFiles();
const describeImport = (file: SourceFile, specifier: string) => `${file.path} imports ${specifier}`;

describe('layering of src/', () => {
  test('reads the source tree and its imports', () => {
    expect(files.length).toBeGreaterThan(200);
    const entry = files.find((file) => file.path === 'vitest/index.ts');
    expect(entry?.imports).toContainEqual({ specifier: 'vitest', pkg: 'vitest', typeOnly: false });
    const trace = files.find((file) => file.path === 'check/trace/hasSpan.ts');
    expect(trace?.imports).toContainEqual({ specifier: '../../model/Span.ts', file: 'model/Span.ts', typeOnly: true });
    expect(new Set(files.map((file) => file.folder))).toEqual(
      new Set([
        '.',
        'capture',
        'check',
        'cli',
        'containers',
        'model',
        'msw',
        'otlp',
        'propagation',
        'query',
        'receive',
        'render',
        'reporter',
        'service',
        'snapshot',
        'vitest',
      ]),
    );
  });

  test('the core imports only the core: no test runner, msw, Docker, network, file system or integration folder', () => {
    const violations = files
      .filter((file) => CORE.has(file.folder))
      .flatMap((file) =>
        file.imports
          .filter((item) =>
            item.file !== undefined ? !CORE.has(item.file.split('/')[0] ?? '') : !CORE_PACKAGES.has(item.pkg ?? ''),
          )
          .map((item) => describeImport(file, item.specifier)),
      );
    expect(violations).toEqual([]);
  });

  test("an integration's package is imported only by its own folder", () => {
    const violations = files.flatMap((file) =>
      file.imports
        .filter((item) => item.pkg !== undefined && OWNERS[item.pkg] !== undefined)
        .filter((item) => !(OWNERS[item.pkg as string] as readonly string[]).includes(file.folder))
        .map((item) => describeImport(file, item.specifier)),
    );
    expect(violations).toEqual([]);
  });

  test('no import cycles between folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const file of files) {
      const targets = graph.get(file.folder) ?? new Set<string>();
      graph.set(file.folder, targets);
      for (const item of file.imports) {
        const folder = item.file?.includes('/') ? item.file.split('/')[0] : item.file === undefined ? undefined : '.';
        if (folder !== undefined && folder !== file.folder) targets.add(folder);
      }
    }
    expect(cyclesOf(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
    // Nothing imports the root entry: it only lists the public surface.
    expect([...graph].filter(([, targets]) => targets.has('.')).map(([folder]) => folder)).toEqual([]);
  });

  test('check families import only their own folder, the shared expectations and the core', () => {
    const violations = files
      .filter((file) => file.folder === 'check' && file.path.split('/').length > 2)
      .flatMap((file) => {
        const family = file.path.split('/')[1];
        return file.imports
          .filter((item) => item.file?.startsWith('check/'))
          .filter((item) => {
            const parts = (item.file as string).split('/');
            return parts.length > 2 && parts[1] !== family && parts[1] !== 'expectation';
          })
          .map((item) => describeImport(file, item.specifier));
      });
    expect(violations).toEqual([]);
  });

  test('entry points list their exports by hand', () => {
    const entries = Object.values(packageJson.exports)
      .flatMap((entry) => (typeof entry === 'object' ? [entry.source.replace('./src/', '')] : []))
      .map((path) => files.find((file) => file.path === path));
    expect(entries.length).toBeGreaterThanOrEqual(8);
    for (const entry of entries) {
      expect(entry, 'the source of a package.json export exists').toBeDefined();
      expect(entry?.text, entry?.path).not.toMatch(/export\s+\*/);
    }
  });
});

/** This test's own rules must catch what they claim to: a cycle finder that finds nothing proves nothing. */
describe('cyclesOf', () => {
  test('finds a cycle, and none in a tree', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set<string>()],
    ]);
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c', 'a']]);
    graph.set('c', new Set(['d']));
    expect(cyclesOf(graph)).toEqual([]);
  });
});
