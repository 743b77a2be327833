import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { TraceSet } from 'tracespec';
import { snapshotOf } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../../src/cli/runCli.ts';
import { toOtlpJson } from '../../../src/receive/otlp/json/toOtlpJson.ts';
import { buildTracePage } from '../../../src/render/html/buildTracePage.ts';
import { writeRunReport } from '../../../src/reporter/writeRunReport.ts';
import { renderSnapshot } from '../../../src/snapshot/renderSnapshot.ts';
import { reportRedactions } from '../../../src/snapshot/reportRedactions.ts';
import { saveFailedTraces } from '../../../src/vitest/saveFailedTraces.ts';
import { pageDataOf } from '../../support/pageData.ts';
import { type SecretSample, secretSamples } from '../../support/secretSamples.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

// Each sample recorded the ways a service records it: as an attribute, in an event and in a link's attributes,
// and (a secret recognized by its value, not its key) in the span name, the status and an exception message; the
// secret must reach none of tracespec's outputs.
function textOf(sample: SecretSample): string {
  return sample.detector === 'secret-key' ? 'a value only its key makes secret' : sample.text;
}

function tracesOf(sample: SecretSample): TraceSet {
  const text = textOf(sample);
  const root = makeSpan({
    name: `POST /pay ${text}`,
    kind: 'server',
    service: 'shop',
    attributes: { [sample.key]: sample.text },
    events: [
      {
        name: 'exception',
        timeUnixNano: 0n,
        attributes: { 'exception.message': `failed with ${text}`, [sample.key]: sample.text },
      },
    ],
    status: { code: 'error', message: `rejected ${text}` },
  });
  const child = makeSpan({
    parent: root,
    name: 'charge',
    kind: 'client',
    service: 'shop',
    links: [{ traceId: root.traceId, spanId: root.spanId, attributes: { [sample.key]: sample.text } }],
  });
  return TraceSet.fromSpans([root, child]);
}

function messageOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters(error instanceof Error ? `${error.message}\n${JSON.stringify(error)}` : '');
  }
  throw new Error('expected the assertion to fail');
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tracespec-secrets-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(secretSamples.map((sample, index) => ({ ...sample, index })))(
  '$detector ($key) reaches no output',
  (sample) => {
    const marker = new RegExp(`<redacted:${sample.detector}#[0-9a-f]{4}>`);

    test('trace-shape snapshot (defaultRedactions)', () => {
      const text = renderSnapshot(snapshotOf(tracesOf(sample)));
      expect(text).not.toContain(sample.secret);
      expect(text).toMatch(marker);
    });

    test('failure message, actual and expected of a matcher', () => {
      const traces = tracesOf(sample);
      const message = messageOf(() =>
        expect(traces).toHaveSpan({ name: 'nope', attributes: { [sample.key]: `${sample.text}!` } }),
      );
      expect(message).not.toContain(sample.secret);
      // In a message, `key: "value"` is also recognized as text (assigned-secret).
      expect(message).toMatch(new RegExp(`<redacted:(${sample.detector}|assigned-secret)#[0-9a-f]{4}>`));
    });

    test("the reporter's files of a failed test (OTLP JSON, text tree, HTML page, index, summary)", async ({
      task,
    }) => {
      const previous = process.env.TRACESPEC_ARTIFACTS_DIR;
      process.env.TRACESPEC_ARTIFACTS_DIR = join(dir, `report-${sample.index}`);
      try {
        const artifact = await saveFailedTraces(task, tracesOf(sample), [
          { name: 'AssertionError', message: `expected ${textOf(sample)} to be gone` },
        ]);
        expect(artifact).toBeDefined();
        const run = await writeRunReport(
          join(dir, `report-${sample.index}`),
          [
            {
              test: `pays with ${textOf(sample)}`,
              file: 'a.test.ts',
              message: `got ${textOf(sample)}`,
              ...(artifact ? { artifact } : {}),
            },
          ],
          { root: dir, redact: reportRedactions },
        );
        for (const path of [
          artifact?.otlpJson,
          artifact?.text,
          artifact?.html,
          run.index,
          run.summary,
          run.jsonLines,
        ]) {
          const text = await readFile(path ?? '', 'utf8');
          expect(text, path).not.toContain(sample.secret);
        }
        expect(await readFile(artifact?.text ?? '', 'utf8')).toMatch(marker);
        expect(artifact?.tree).not.toContain(sample.secret);
        for (const attachment of artifact?.attachments ?? []) {
          expect(await readFile(attachment.path ?? '', 'utf8')).not.toContain(sample.secret);
          // vitest copied the page into its attachments folder: leave the worktree as it was.
          if (attachment.path && !attachment.path.startsWith(dir)) await rm(attachment.path, { force: true });
        }
      } finally {
        if (previous === undefined) delete process.env.TRACESPEC_ARTIFACTS_DIR;
        else process.env.TRACESPEC_ARTIFACTS_DIR = previous;
      }
    });

    test('CLI: tracespec show, show --shape, show --html', async () => {
      const file = join(dir, `cli-${sample.index}.otlp.json`);
      await writeFile(file, JSON.stringify(toOtlpJson(tracesOf(sample).spans)));
      for (const flags of [[], ['--shape']]) {
        const out: string[] = [];
        const code = await runCli(['show', file, ...flags], {
          out: (text) => out.push(text),
          err: (text) => out.push(text),
        });
        expect(code).toBe(0);
        expect(out.join('\n')).not.toContain(sample.secret);
        expect(out.join('\n')).toMatch(marker);
      }
      const code = await runCli(['show', file, '--html'], { out: () => {}, err: () => {} });
      expect(code).toBe(0);
      expect(await readFile(join(dir, `cli-${sample.index}.trace.html`), 'utf8')).not.toContain(sample.secret);
    });

    test('HTML report page', () => {
      const html = buildTracePage({
        title: `pays with ${textOf(sample)}`,
        traces: tracesOf(sample),
        failures: [{ message: `expected ${textOf(sample)} to be gone` }],
      });
      expect(html).not.toContain(sample.secret);
      expect(JSON.stringify(pageDataOf(html))).toMatch(marker);
    });
  },
);
