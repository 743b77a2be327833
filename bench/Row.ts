/** One line of the benchmark table: a ratio measured against an anchor in the same run. */
export interface RowResult {
  readonly id: string;
  readonly what: string;
  readonly anchor: string;
  /** ours / anchor, in the direction the target states (e.g. throughput ratio, or time ratio). */
  readonly ratio: number;
  /** How the ratio column reads: `x` (a ratio, the default) or a unit for an absolute figure such as `ms`. */
  readonly unit?: string;
  /** The target, or `(information)` for a row that is measured to be read, not to be met. */
  readonly target: string;
  /** Whether the target is met; absent for a row of information. */
  readonly met?: boolean;
  /**
   * Why the row is short of its target and what was tried. Written in the row's definition, so the README (which
   * the bench generates) says it whenever the row is short; shown only when `met` is false.
   */
  readonly whyShort?: string;
  /** What the row means, shown under the table whatever its outcome (e.g. why a row is information only). */
  readonly note?: string;
  /** The figures behind the ratio (medians and spreads, with units in the keys). */
  readonly figures: Readonly<Record<string, number | string>>;
}

/** A benchmark row: measures and returns one or more results. */
export type Row = () => Promise<RowResult[]>;

/** The machine and run a results file comes from. */
export interface BenchMachine {
  readonly node: string;
  readonly cores: number;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly platform: string;
}

/** The content of `bench/results.json`: every row of one full run. */
export interface BenchResults {
  readonly date: string;
  readonly machine: BenchMachine;
  readonly results: readonly RowResult[];
}

/** Rounds a number for the table. */
export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
