import {
  normalizeTraces,
  type RedactionRule,
  renderSnapshot,
  type SnapshotOptions,
  type Span,
  type TestTraces,
  type TraceSet,
  type TraceSnapshot,
} from 'tracespec';
import { type OtlpTracesData, toOtlpJson } from 'tracespec/otlp';
import { type TraceFiles, type TracesArtifact, TracespecReporter, writeTraceFiles } from 'tracespec/reporter';
import { configureTraceSnapshots, defaultRedactions, snapshotOf } from 'tracespec/vitest';
import type { RunnerTestCase } from 'vitest';
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { Reporter, TestCase } from 'vitest/node';
import { diffSnapshots, type SnapshotChange } from '../../src/snapshot/diffSnapshots.ts';
import { parseSnapshot } from '../../src/snapshot/parseSnapshot.ts';
import { renderSnapshotDiff } from '../../src/snapshot/renderSnapshotDiff.ts';

declare const set: TraceSet;
declare const live: TestTraces;
declare const testCase: TestCase;

describe('snapshot signatures', () => {
  test('normalization and rendering', () => {
    expectTypeOf(normalizeTraces).parameters.toEqualTypeOf<[TraceSet, SnapshotOptions?]>();
    expectTypeOf(normalizeTraces(set)).toEqualTypeOf<TraceSnapshot>();
    expectTypeOf(renderSnapshot).returns.toEqualTypeOf<string>();
    expectTypeOf(parseSnapshot).parameters.toEqualTypeOf<[string]>();
    expectTypeOf(parseSnapshot).returns.toEqualTypeOf<TraceSnapshot>();
    expectTypeOf(diffSnapshots).returns.toEqualTypeOf<SnapshotChange[]>();
    expectTypeOf(renderSnapshotDiff).parameter(0).toEqualTypeOf<readonly SnapshotChange[]>();
    expectTypeOf(defaultRedactions).toEqualTypeOf<readonly RedactionRule[]>();
  });

  test('options are checked', () => {
    const options: SnapshotOptions = {
      attributes: { include: ['http.route', /^db\./] },
      redact: false,
      durations: [10],
    };
    expectTypeOf(options).toExtend<SnapshotOptions>();
    // @ts-expect-error: a rule needs a replacement
    const rule: RedactionRule = { name: 'x', value: /x/g };
    void rule;
    // @ts-expect-error: durations are bucket bounds in milliseconds
    configureTraceSnapshots({ durations: true });
  });

  test('snapshotOf takes the traces matchers take', () => {
    expectTypeOf(snapshotOf(live)).toEqualTypeOf<TraceSnapshot>();
    expectTypeOf(snapshotOf(set, { events: false })).toEqualTypeOf<TraceSnapshot>();
    // @ts-expect-error: spans are not traces
    snapshotOf([] as Span[]);
  });

  test('OTLP JSON and trace files', () => {
    expectTypeOf(toOtlpJson).returns.toEqualTypeOf<OtlpTracesData>();
    expectTypeOf(writeTraceFiles).returns.toEqualTypeOf<Promise<TraceFiles>>();
  });

  test('the trace snapshot matchers', async () => {
    expectTypeOf(expect(live).toMatchTraceSnapshot()).toEqualTypeOf<void>();
    expectTypeOf(expect(live).toMatchTraceInlineSnapshot('x')).toEqualTypeOf<void>();
    expectTypeOf(expect(live).toMatchTraceFileSnapshot('a.txt')).toEqualTypeOf<Promise<void>>();
    // @ts-expect-error: the file snapshot needs a path
    await expect(live).toMatchTraceFileSnapshot();
  });

  test('the reporter and its artifact', () => {
    expectTypeOf(new TracespecReporter({ outputDir: 'x' })).toExtend<Reporter>();
    const artifacts = testCase.artifacts().filter((a): a is TracesArtifact => a.type === 'tracespec:traces');
    expectTypeOf(artifacts[0]?.otlpJson).toEqualTypeOf<string | undefined>();
    expectTypeOf<RunnerTestCase['artifacts'][number]>().toExtend<{ type: string }>();
  });
});
