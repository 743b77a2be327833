import type { FailureMarks, HopMark, RedactionRule, SpanMark, TraceSet } from 'tracespec';
import { hasSpan } from 'tracespec';
import {
  buildIndexPage,
  buildTracePage,
  type FailedTest,
  type FailureInput,
  type IndexEntry,
  type PageOptions,
  type ReportSettings,
  renderMarkdownSummary,
  reportRedactions,
  type SummaryEntry,
  type TracePageInput,
  type TracesArtifact,
  TracespecReporter,
  type TracespecReporterOptions,
  writeTracePage,
} from 'tracespec/reporter';
import { describe, expectTypeOf, test } from 'vitest';

declare const set: TraceSet;

describe('the HTML report API', () => {
  test('checks name what their failure marks', () => {
    const marks = hasSpan(set, { name: 'GET' }).marks?.();
    expectTypeOf(marks).toEqualTypeOf<FailureMarks | undefined>();
    expectTypeOf<FailureMarks['spans']>().toEqualTypeOf<readonly SpanMark[]>();
    expectTypeOf<FailureMarks['hops']>().toEqualTypeOf<readonly HopMark[]>();
    expectTypeOf<SpanMark>().toEqualTypeOf<{
      readonly traceId: string;
      readonly spanId: string;
      readonly note: string;
    }>();
    expectTypeOf<HopMark['from']>().toEqualTypeOf<string | undefined>();
  });

  test('page builders take traces and failures, and return HTML', () => {
    const input: TracePageInput = { title: 'checkout', traces: set, failures: [{ message: 'boom' }] };
    expectTypeOf(buildTracePage).parameters.toEqualTypeOf<[input: TracePageInput, options?: PageOptions]>();
    expectTypeOf(buildTracePage(input)).toBeString();
    expectTypeOf(buildTracePage(input, { redact: reportRedactions })).toBeString();
    expectTypeOf<FailureInput>().toHaveProperty('marks').toEqualTypeOf<FailureMarks | undefined>();
    expectTypeOf(writeTracePage('x.html', input)).resolves.toBeString();
    expectTypeOf(buildIndexPage).parameter(0).toEqualTypeOf<readonly IndexEntry[]>();
    expectTypeOf(renderMarkdownSummary).parameter(0).toEqualTypeOf<readonly SummaryEntry[]>();
    expectTypeOf(reportRedactions).toEqualTypeOf<readonly RedactionRule[]>();
    // @ts-expect-error: traces are required
    buildTracePage({ title: 'x' });
  });

  test('the reporter: options, what it collected, and the artifact a failed test carries', () => {
    expectTypeOf<TracespecReporterOptions['redact']>().toEqualTypeOf<readonly RedactionRule[] | undefined>();
    expectTypeOf<TracespecReporterOptions['stepSummary']>().toEqualTypeOf<string | false | undefined>();
    expectTypeOf(new TracespecReporter().failed).toEqualTypeOf<readonly FailedTest[]>();
    expectTypeOf<FailedTest['artifact']>().toEqualTypeOf<TracesArtifact | undefined>();
    expectTypeOf<TracesArtifact['html']>().toBeString();
    expectTypeOf<TracesArtifact['relative']>().toEqualTypeOf<{
      readonly otlpJson: string;
      readonly text: string;
      readonly html: string;
    }>();
    expectTypeOf<ReportSettings['index']>().toBeBoolean();
  });
});
