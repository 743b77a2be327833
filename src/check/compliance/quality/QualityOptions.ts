import type { DurationInput } from '../../../model/duration.ts';

/**
 * The instrumentation quality rules, by id.
 *
 * @example
 * const skip: QualityRule[] = ['tiny-span-flood'];
 */
export type QualityRule = 'id-in-span-name' | 'tiny-span-flood' | 'service-name';

/**
 * Options of `toBeWellInstrumented` / `isWellInstrumented`.
 *
 * @example
 * const options: QualityOptions = { tinySpans: { under: '100us', atMost: 20 }, skip: ['service-name'] };
 */
export interface QualityOptions {
  /** A flood: more than `atMost` (default 50) internal children of one span, each shorter than `under` (default 1ms). */
  readonly tinySpans?: { readonly under?: DurationInput; readonly atMost?: number };
  /** Rules to leave out. */
  readonly skip?: readonly QualityRule[];
}
