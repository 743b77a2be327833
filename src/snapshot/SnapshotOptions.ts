import type { RedactionRule } from './RedactionRule.ts';

/**
 * An attribute key: the exact key, or a pattern.
 *
 * @example
 * const keys: KeyPattern[] = ['http.route', /^db\./];
 */
export type KeyPattern = string | RegExp;

/**
 * What a trace-shape snapshot shows. Every field is optional; the defaults give a stable snapshot of service, kind,
 * name, status and every attribute (volatile values replaced), events and links, without times.
 *
 * @example
 * const options: SnapshotOptions = {
 *   attributes: { exclude: [/^http\.user_agent$/, 'net.peer.port'] },
 *   events: false,
 *   durations: [10, 100, 1000],
 * };
 */
export interface SnapshotOptions {
  /** Which attributes to show: only keys matching `include` (default: all), minus keys matching `exclude`. */
  readonly attributes?: { readonly include?: readonly KeyPattern[]; readonly exclude?: readonly KeyPattern[] };
  /** Placeholder rules, run first to last; default {@link defaultRedactions}. `false` turns redaction off. */
  readonly redact?: readonly RedactionRule[] | false;
  /** Show span events (name and attributes). Default true. */
  readonly events?: boolean;
  /** Show links, as references to spans of the snapshot (`-> #3`) or `-> external`. Default true. */
  readonly links?: boolean;
  /**
   * Show each span's duration as a bucket between these bounds in milliseconds (ascending), e.g. `[10, 100]`
   * gives `<10ms`, `10ms..100ms` or `>=100ms`. Default: durations are left out.
   */
  readonly durations?: readonly number[];
}
