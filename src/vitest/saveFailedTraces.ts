import { dirname, join, relative, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { inject, type RunnerTestCase, recordArtifact } from 'vitest';
import type { Span } from '../model/Span.ts';
import { Trace } from '../model/Trace.ts';
import { TraceSet } from '../model/TraceSet.ts';
import type { FailureInput } from '../render/html/TracePageInput.ts';
import { renderTraces } from '../render/renderTraces.ts';
import { deserializeRedactions } from '../reporter/serializedRedactions.ts';
import type { ReportSettings, TracesArtifact } from '../reporter/TracesArtifact.ts';
import { writeTraceFiles } from '../reporter/writeTraceFiles.ts';
import { writeTracePage } from '../reporter/writeTracePage.ts';
import { redactTraces } from '../snapshot/redactTraces.ts';
import { reportRedactions } from '../snapshot/reportRedactions.ts';
import { marksOfFailure } from './failureLog.ts';

/**
 * A failure of a test as vitest keeps it (a serialized error) or as it was thrown.
 *
 * @example
 * const failure: FailureLike = { name: 'AssertionError', message: 'expected 1 to be 2' };
 */
export interface FailureLike {
  readonly name?: string;
  readonly message?: string;
  readonly diff?: string;
}

/**
 * Internal: when a test failed, writes its traces to the artifacts folder — OTLP JSON, the text tree and the HTML
 * page (with the failure's message and marks), all redacted — and records them on the test result. Runs in the
 * test worker, where the spans are, before they are forgotten. Does nothing without a folder (set by
 * `TracespecReporter`, or `TRACESPEC_ARTIFACTS_DIR`) or without spans.
 */
export async function saveFailedTraces(
  task: RunnerTestCase,
  own: TraceSet,
  errors: readonly FailureLike[] = [],
  strays: TraceSet = new TraceSet([]),
): Promise<TracesArtifact | undefined> {
  const dir = artifactsDir();
  if (dir === undefined || own.size === 0) return undefined;
  const settings = reportSettings();
  const rules = settings === undefined ? reportRedactions : deserializeRedactions(settings.redact);
  const root = resolve(dir);
  const name = baseName(task);
  const base = join(root, name);
  const failures: FailureInput[] = errors.map((error) => {
    const message = messageOf(error);
    const marks = marksOfFailure(task.id, error.message ?? '');
    return marks === undefined ? { message } : { message, marks };
  });
  const set = withMarkedStrays(own, strays, failures);
  const shown = redactTraces(set, rules);
  const files = await writeTraceFiles(shown, base);
  const html = await writeTracePage(
    `${base}.html`,
    {
      title: task.fullTestName ?? task.name,
      subtitle: `${task.file.projectName ? `[${task.file.projectName}] ` : ''}${task.file.name}${task.result?.retryCount ? ` (retry ${task.result.retryCount})` : ''}`,
      traces: set,
      failures,
      ...(settings?.index ? { indexHref: toUrlPath(relative(dirname(base), join(root, 'index.html'))) } : {}),
    },
    { redact: rules },
  );
  const slash = (path: string) => toUrlPath(relative(root, path));
  // An annotation cannot be added once the test has failed (vitest refuses), an artifact can.
  return recordArtifact(task, {
    type: 'tracespec:traces',
    otlpJson: files.otlpJson,
    text: files.text,
    html,
    relative: { otlpJson: slash(files.otlpJson), text: slash(files.text), html: slash(html) },
    traces: set.size,
    spans: set.spans.length,
    tree: shortTree(shown, failures),
    attachments: [{ path: html, contentType: 'text/html' }],
  });
}

/**
 * The test's traces plus the unclaimed traces a failure points into: where a callee that lost the context went on
 * recording (`toBeConnected` names it), so that the page shows both sides of the broken hop.
 */
function withMarkedStrays(own: TraceSet, strays: TraceSet, failures: readonly FailureInput[]): TraceSet {
  const wanted = new Set<string>();
  for (const failure of failures) {
    for (const mark of failure.marks?.spans ?? []) if (own.get(mark.traceId) === undefined) wanted.add(mark.traceId);
  }
  const adopted = strays.traces.filter((trace) => wanted.has(trace.traceId));
  return adopted.length === 0 ? own : new TraceSet(Trace.sort([...own.traces, ...adopted]));
}

function artifactsDir(): string | undefined {
  let provided: string | undefined;
  try {
    provided = inject('tracespec:artifacts');
  } catch {
    // Outside a vitest worker: only the environment variable can name the folder.
  }
  return provided ?? process.env.TRACESPEC_ARTIFACTS_DIR ?? undefined;
}

function reportSettings(): ReportSettings | undefined {
  try {
    return inject('tracespec:report');
  } catch {
    return undefined;
  }
}

/** The message as a person reads it: the error's name when it says something, the message, and the diff. */
function messageOf(error: FailureLike): string {
  const name = error.name && !/^(Error|AssertionError|JestAssertionError)$/.test(error.name) ? `${error.name}: ` : '';
  const diff = error.diff ? `\n\n${stripVTControlCharacters(error.diff)}` : '';
  return `${name}${stripVTControlCharacters(error.message ?? String(error))}${diff}`;
}

/** The traces as a short tree with what the failures mark, for CI summaries. */
function shortTree(set: TraceSet, failures: readonly FailureInput[]): string {
  const byIds = new Map<string, Span>(set.spans.map((span) => [`${span.traceId}/${span.spanId}`, span]));
  const marks = new Map<Span, string>();
  for (const failure of failures) {
    for (const mark of failure.marks?.spans ?? []) {
      const span = byIds.get(`${mark.traceId}/${mark.spanId}`);
      if (span !== undefined) marks.set(span, `◀ ${mark.note}`);
    }
  }
  return renderTraces(set, { marks, maxLines: 24 });
}

function toUrlPath(path: string): string {
  return path.split(sep).join('/');
}

/** `[<project>/]<test file>/<suite - test>[-retry-n]`, with only characters every file system accepts. */
function baseName(task: RunnerTestCase): string {
  const retry = task.result?.retryCount ? `-retry-${task.result.retryCount}` : '';
  const file = task.file.name.replace(/\.[cm]?[jt]sx?$/, '');
  // The same file can run in several projects (e.g. two environments): keep their files apart.
  const project = task.file.projectName ? [safe(task.file.projectName)] : [];
  return join(...project, safe(file), `${safe(task.fullTestName ?? task.name)}${retry}`);
}

function safe(name: string): string {
  return name
    .replace(/ > /g, ' - ')
    .replace(/[^\w.\- ]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}
