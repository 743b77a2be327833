import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasSpanTree, installTracing, renderTree, span, type TraceSet, TraceSet as TraceSetClass } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { buildTrace, node } from '../../support/traceBuilder.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const doc = readFileSync(join(root, 'docs/selectors.md'), 'utf8');
const blocks = (language: string) =>
  [...doc.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1] ?? '');

// The trace every example runs against; the first text block of the page must be its rendering.
const trace = buildTrace(
  node({ name: 'POST /checkout', service: 'checkout', kind: 'server', duration: 320 }, [
    node({
      name: 'SELECT cart',
      service: 'checkout',
      kind: 'client',
      duration: 12,
      attributes: { 'db.system': 'postgresql' },
    }),
    node(
      {
        name: 'GET /stock',
        service: 'checkout',
        kind: 'client',
        duration: 260,
        attributes: { 'http.response.status_code': 200 },
      },
      [
        node({ name: 'GET /stock', service: 'inventory', kind: 'server', duration: 255 }, [
          node({
            name: 'SELECT stock',
            service: 'inventory',
            kind: 'client',
            duration: 250,
            attributes: { 'db.system': 'postgresql' },
          }),
        ]),
      ],
    ),
    node({
      name: 'POST /charge',
      service: 'checkout',
      kind: 'client',
      duration: 30,
      status: { code: 'error', message: 'card declined' },
      attributes: { 'http.response.status_code': 402 },
    }),
  ]),
);
// The examples run as in a test: the spans are in the store of the installed tracing, where the span matchers
// find a span's trace.
const store = installTracing().store;
store.addAll(trace.spans);
const traces: TraceSet = store.traceSet();

/** Turns every ```ts block into an exported function of one generated module (imports hoisted and merged). */
function generateExamples(sources: readonly string[]): string {
  const imports = new Map<string, Set<string>>([['vitest', new Set(['expect'])]]);
  const bodies = sources.map((source, i) => {
    const body: string[] = [];
    for (const line of source.split('\n')) {
      const match = /^import \{ (.+) \} from '(.+)';$/.exec(line);
      if (!match) {
        body.push(line);
        continue;
      }
      const names = imports.get(match[2] ?? '') ?? new Set<string>();
      for (const name of (match[1] ?? '').split(',')) names.add(name.trim());
      imports.set(match[2] ?? '', names);
    }
    return `export async function example${i}(traces) {\n${body.join('\n')}\n}`;
  });
  const head = [...imports].map(([from, names]) => `import { ${[...names].join(', ')} } from '${from}';`);
  return [...head, '', ...bodies].join('\n');
}

describe('docs/selectors.md', () => {
  it('shows the example trace as tracespec renders it', () => {
    const [tree] = blocks('text');
    expect(renderTree(trace, { attributes: ['db.system', 'http.response.status_code'] })).toBe(tree?.trimEnd());
  });

  it('shows a tree-shape failure exactly as tracespec prints it', () => {
    const payments = buildTrace(
      node({ name: 'POST /checkout', service: 'checkout', kind: 'server' }, [
        node({ name: 'SELECT cart', service: 'checkout', kind: 'client' }),
        node({ name: 'POST /charge', service: 'checkout', kind: 'client' }, [
          node({ name: 'POST /charge', service: 'payments', kind: 'server' }, [
            node({ name: 'INSERT payment', service: 'payments', kind: 'client' }),
          ]),
        ]),
      ]),
    );
    const shape = span('POST /checkout', [
      span('POST /charge', [span({ service: 'payments' }, [span({ name: 'INSERT payment', kind: 'internal' })])]),
    ]);
    const shown = blocks('text').find((block) => block.startsWith('Expected: a span tree'));
    const message = hasSpanTree(new TraceSetClass([payments]), shape).message();
    // The page shows the trace id of the first trace built; only the id differs.
    expect(message.replace(/trace [0-9a-f]{32}/, 'trace 00000000000000000000000000000001')).toBe(shown?.trimEnd());
  });

  const sources = blocks('ts');
  const dir = join(root, 'node_modules/.cache/tracespec-docs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'selectorsExamples.ts');
  writeFileSync(file, generateExamples(sources));

  it('has examples', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources.map((source, i) => [i, source.split('\n').find((line) => line.startsWith('expect')) ?? source]))(
    'example %i runs: %s',
    async (i) => {
      const examples = (await import(file)) as Record<string, (set: TraceSet) => Promise<void>>;
      const example = examples[`example${i}`];
      expect(example).toBeTypeOf('function');
      await example?.(traces);
    },
  );
});
