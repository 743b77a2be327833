/** One line of the benchmark table: a ratio measured against an anchor in the same run. */
export interface RowResult {
  readonly id: string;
  readonly what: string;
  readonly anchor: string;
  /** ours / anchor, in the direction the target states (e.g. throughput ratio, or time ratio). */
  readonly ratio: number;
  /** How the ratio column reads: `x` (a ratio, the default) or a unit for an absolute figure such as `ms`. */
  readonly unit?: string;
  readonly target: string;
  readonly met: boolean;
  /** The figures behind the ratio (medians and spreads, with units in the keys). */
  readonly figures: Readonly<Record<string, number | string>>;
}

/** A benchmark row: measures and returns one or more results. */
export type Row = () => Promise<RowResult[]>;

/** Rounds a number for the table. */
export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
