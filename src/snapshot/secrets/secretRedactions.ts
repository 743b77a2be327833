import type { RedactionRule } from '../RedactionRule.ts';
import { secretDetectors } from './secretDetectors.ts';

/**
 * The credential detectors of {@link secretDetectors} as redaction rules: the secret becomes its kind and a short
 * fingerprint (`Bearer <redacted:bearer#3f2a>`, `<redacted:secret-key#91c0>` for a whole value), so that a snapshot
 * still says a token was there and two different tokens still differ. Part of both {@link defaultRedactions}
 * (snapshots) and {@link reportRedactions} (failure messages, the reporter's files, the CLI, the HTML report).
 *
 * @example
 * snapshotOf(traces, { redact: [...secretRedactions, ...myRules] });
 */
export const secretRedactions: readonly RedactionRule[] = Object.freeze(
  secretDetectors
    .filter((detector) => detector.optIn !== true)
    .map(
      (detector): RedactionRule =>
        Object.freeze({
          name: detector.name,
          ...(detector.key !== undefined ? { key: detector.key } : {}),
          ...(detector.value !== undefined ? { value: detector.value } : {}),
          ...(detector.accept !== undefined ? { accept: detector.accept } : {}),
          replacement: `<redacted:${detector.name}#{fingerprint}>`,
        }),
    ),
);
