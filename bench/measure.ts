import { Bench } from 'tinybench';

/** A task measured by {@link compare}: `fn` runs one iteration; `beforeEach` runs outside the timing. */
export interface BenchTask {
  readonly fn: () => unknown;
  readonly beforeEach?: () => void;
}

/** Median latency of one task over several rounds, with the spread between rounds. */
export interface Measured {
  /** Median of the rounds' median latencies, in ms per iteration. */
  readonly medianMs: number;
  /** Lowest and highest round median, in ms. */
  readonly spreadMs: readonly [number, number];
  readonly samples: number;
}

/**
 * Measures tasks side by side in one process: a warm-up, then `rounds` rounds in which every task runs in turn
 * (so drift hits all of them alike); each round's median latency is kept, and the median of those is reported.
 */
export async function compare<K extends string>(
  tasks: Record<K, BenchTask>,
  options: { rounds?: number; timeMs?: number; iterations?: number } = {},
): Promise<Record<K, Measured>> {
  const rounds = options.rounds ?? 5;
  const medians = new Map<K, number[]>();
  const samples = new Map<K, number>();
  for (let round = 0; round < rounds; round++) {
    // tinybench runs at least `iterations` (64 by default) per task and round: rows whose one iteration takes
    // ~100 ms ask for fewer, so that a round stays near `timeMs`.
    const bench = new Bench({
      time: options.timeMs ?? 300,
      warmup: round === 0,
      warmupTime: 200,
      ...(options.iterations === undefined ? {} : { iterations: options.iterations, warmupIterations: 2 }),
    });
    for (const [name, task] of Object.entries(tasks) as [K, BenchTask][]) {
      bench.add(name, task.fn, task.beforeEach ? { beforeEach: task.beforeEach } : {});
    }
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (!('latency' in result)) {
        const cause = 'error' in result ? result.error : undefined;
        throw new Error(`[bench] task ${task.name} did not finish: ${result.state}`, { cause });
      }
      const name = task.name as K;
      medians.set(name, [...(medians.get(name) ?? []), result.latency.p50]);
      samples.set(name, (samples.get(name) ?? 0) + result.latency.samplesCount);
    }
  }
  const out = {} as Record<K, Measured>;
  for (const [name, values] of medians) {
    const sorted = [...values].sort((a, b) => a - b);
    out[name] = {
      medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
      spreadMs: [sorted[0] ?? Number.NaN, sorted[sorted.length - 1] ?? Number.NaN],
      samples: samples.get(name) ?? 0,
    };
  }
  return out;
}

/** Median of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
