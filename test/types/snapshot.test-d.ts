import {
  diffShapes,
  normalizeTraces,
  type OtlpTracesData,
  type RedactionRule,
  renderShape,
  renderShapeDiff,
  type ShapeChange,
  type ShapeOptions,
  type Span,
  type TestTraces,
  type TraceFiles,
  type TraceSet,
  type TraceShape,
  toOtlpJson,
  writeTraceFiles,
} from 'tracespec';
import { type TracesArtifact, TracespecReporter } from 'tracespec/reporter';
import { configureTraceSnapshots, defaultRedactions, shapeOf } from 'tracespec/vitest';
import type { RunnerTestCase } from 'vitest';
import { describe, expectTypeOf, test } from 'vitest';
import type { Reporter, TestCase } from 'vitest/node';

declare const set: TraceSet;
declare const live: TestTraces;
declare const testCase: TestCase;

describe('snapshot signatures', () => {
  test('normalization and rendering', () => {
    expectTypeOf(normalizeTraces).parameters.toEqualTypeOf<[TraceSet, ShapeOptions?]>();
    expectTypeOf(normalizeTraces(set)).toEqualTypeOf<TraceShape>();
    expectTypeOf(renderShape).returns.toEqualTypeOf<string>();
    expectTypeOf(diffShapes).returns.toEqualTypeOf<ShapeChange[]>();
    expectTypeOf(renderShapeDiff).parameter(0).toEqualTypeOf<readonly ShapeChange[]>();
    expectTypeOf(defaultRedactions).toEqualTypeOf<readonly RedactionRule[]>();
  });

  test('options are checked', () => {
    const options: ShapeOptions = { attributes: { include: ['http.route', /^db\./] }, redact: false, durations: [10] };
    expectTypeOf(options).toExtend<ShapeOptions>();
    // @ts-expect-error: a rule needs a replacement
    const rule: RedactionRule = { name: 'x', value: /x/g };
    void rule;
    // @ts-expect-error: durations are bucket bounds in milliseconds
    configureTraceSnapshots({ durations: true });
  });

  test('shapeOf takes the traces matchers take', () => {
    expectTypeOf(shapeOf(live)).toEqualTypeOf<TraceShape>();
    expectTypeOf(shapeOf(set, { events: false })).toEqualTypeOf<TraceShape>();
    // @ts-expect-error: spans are not traces
    shapeOf([] as Span[]);
  });

  test('OTLP JSON and trace files', () => {
    expectTypeOf(toOtlpJson).returns.toEqualTypeOf<OtlpTracesData>();
    expectTypeOf(writeTraceFiles).returns.toEqualTypeOf<Promise<TraceFiles>>();
  });

  test('the reporter and its artifact', () => {
    expectTypeOf(new TracespecReporter({ outputDir: 'x' })).toExtend<Reporter>();
    const artifacts = testCase.artifacts().filter((a): a is TracesArtifact => a.type === 'tracespec:traces');
    expectTypeOf(artifacts[0]?.otlpJson).toEqualTypeOf<string | undefined>();
    expectTypeOf<RunnerTestCase['artifacts'][number]>().toExtend<{ type: string }>();
  });
});
