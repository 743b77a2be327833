import { formatMs } from './formatMs.ts';

/**
 * A tick of the time axis: where it is (0..1 of the axis) and its label.
 *
 * @example
 * const tick: AxisTick = { at: 0.5, label: '50ms' };
 */
export interface AxisTick {
  readonly at: number;
  readonly label: string;
}

/**
 * Ticks for a time axis of `durationMs`: round steps (1, 2 or 5 times a power of ten), at most `count` + 1 of them,
 * from 0 to the last step inside the axis.
 *
 * @example
 * axisTicks(45, 5); // 0ms, 10ms, 20ms, 30ms, 40ms
 */
export function axisTicks(durationMs: number, count = 5): readonly AxisTick[] {
  if (!(durationMs > 0)) return [{ at: 0, label: '0ms' }];
  const rough = durationMs / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  const ticks: AxisTick[] = [];
  for (let i = 0; i * step <= durationMs * (1 + 1e-9); i++) {
    ticks.push({ at: (i * step) / durationMs, label: i === 0 ? '0ms' : formatMs(i * step) });
  }
  return ticks;
}
