// The data a trace page embeds as JSON and its script reads: wire-shaped types, kept apart from the code that
// builds them (toPageData.ts) and the code that draws them (client/). Short keys keep a 10k-span page small.

/**
 * Everything a trace page shows, already redacted.
 *
 * @example
 * const data: PageData = JSON.parse(document.getElementById('tracespec-data').textContent);
 */
export interface PageData {
  readonly version: 1;
  /** What the page is about: the failed test's full name, or the file `tracespec show --html` read. */
  readonly title: string;
  /** A second line: the test file, or the kind of file read. */
  readonly subtitle: string;
  readonly failures: readonly PageFailure[];
  readonly traces: readonly PageTrace[];
  /** Every span in display order: trace by trace, each in tree order (depth first, siblings by start). */
  readonly spans: readonly PageSpan[];
  /** Service names; a span's `s` is an index here, and so is its colour. */
  readonly services: readonly string[];
  /** Distinct resources; a span's `r` is an index here. */
  readonly resources: readonly (readonly PageAttribute[])[];
  /** Distinct instrumentation scopes; a span's `c` is an index here. */
  readonly scopes: readonly string[];
  /** Length of the time axis in milliseconds (0 for a snapshot, which has no times). */
  readonly durationMs: number;
  /** Unix time of the axis' origin in milliseconds, for the clock time of the first span. */
  readonly originMs: number;
  /** True for a trace-shape snapshot: no times, ids or durations to show. */
  readonly timeless: boolean;
}

/**
 * One failure of the test: its message and the spans and hops it points at.
 *
 * @example
 * for (const mark of data.failures[0].marks) highlight(mark.span);
 */
export interface PageFailure {
  readonly message: string;
  /** Marked spans by their index in `spans`, with the note the message prints (`closest 1`). */
  readonly marks: readonly { readonly span: number; readonly note: string }[];
  /** Service hops the failure names as broken (drawn in red on the service map). */
  readonly hops: readonly { readonly from?: string; readonly to: string; readonly note: string }[];
}

/**
 * One trace: its id and the range of `spans` it holds.
 *
 * @example
 * const spansOfTrace = data.spans.slice(trace.first, trace.first + trace.size);
 */
export interface PageTrace {
  readonly id: string;
  readonly first: number;
  readonly size: number;
  /** Start and length on the page's time axis, in ms. */
  readonly startMs: number;
  readonly durationMs: number;
  readonly services: number;
  readonly errors: number;
}

/**
 * An attribute as shown: key, printed value, and its type (`s`tring, `n`umber, `b`oolean, `a`rray).
 *
 * @example
 * const [key, value, type] = attribute;
 */
export type PageAttribute = readonly [key: string, value: string, type: 's' | 'n' | 'b' | 'a'];

/**
 * One span, as drawn. Indexes refer to the arrays of {@link PageData}.
 *
 * @example
 * const parent = span.p >= 0 ? data.spans[span.p] : undefined;
 */
export interface PageSpan {
  /** Trace index. */
  readonly t: number;
  /** Parent's index in `spans`, or -1 for the top of a tree (a root or an orphan). */
  readonly p: number;
  /** Depth in its tree, 0 at the top. */
  readonly d: number;
  /** Service index. */
  readonly s: number;
  /** Name. */
  readonly n: string;
  /** Kind. */
  readonly k: 'internal' | 'server' | 'client' | 'producer' | 'consumer';
  /** Span id and parent span id. */
  readonly id: string;
  readonly pid?: string;
  /** Start on the page's time axis and duration, in ms (the start after any clock-skew shift). */
  readonly st: number;
  readonly du: number;
  /** Milliseconds this span was moved to fit its parent (clock skew of another process); set on the span moved. */
  readonly sk?: number;
  /** Milliseconds it moved with an ancestor that was moved for clock skew. */
  readonly ski?: number;
  /** Status: `e`rror or `o`k; absent when unset. */
  readonly x?: 'e' | 'o';
  /** Status message. */
  readonly sm?: string;
  /** Not ended (an open span). */
  readonly open?: true;
  /** `orphan` (parent missing) or `duplicate` (span id seen before). */
  readonly f?: 'orphan' | 'duplicate';
  readonly a: readonly PageAttribute[];
  readonly ev: readonly PageEvent[];
  readonly l: readonly PageLink[];
  /** Resource and scope indexes. */
  readonly r: number;
  readonly c: number;
  /** Number of children. */
  readonly nc: number;
}

/**
 * An event of a span, at a time on the page's axis.
 *
 * @example
 * const stack = event.a.find(([key]) => key === 'exception.stacktrace')?.[1];
 */
export interface PageEvent {
  readonly n: string;
  readonly st: number;
  readonly a: readonly PageAttribute[];
}

/**
 * A link of a span: the linked span's index when it is on the page (a jump), else its ids.
 *
 * @example
 * if (link.to !== undefined) select(link.to);
 */
export interface PageLink {
  readonly trace: string;
  readonly span: string;
  readonly to?: number;
  readonly a: readonly PageAttribute[];
}
