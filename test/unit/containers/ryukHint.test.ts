import { describe, expect, test } from 'vitest';
import { ryukHint } from '../../../src/containers/ryukHint.ts';

// The Ryuk pull cannot be run here (it would reach for Docker Hub): these are the messages the engine gives for it.
const PULL_FAILED =
  '(HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.11:53: no such host';

describe('ryukHint: say what to set when an image pull may be the Ryuk container of testcontainers', () => {
  test('a pull failure with Ryuk enabled: inferred, and says what to set', () => {
    expect(ryukHint(PULL_FAILED, {})).toBe(
      "Inferred: an image pull failed, and with TESTCONTAINERS_RYUK_DISABLED unset testcontainers first pulls its Ryuk image (testcontainers/ryuk). If your service's image is local, set TESTCONTAINERS_RYUK_DISABLED=true where no image registry can be reached (tracespec removes its own containers and networks by label, so nothing is left without Ryuk).",
    );
  });

  test('a message that names Ryuk: certain', () => {
    expect(ryukHint('pull access denied for testcontainers/ryuk:0.14.0', {})).toMatch(
      /^The Ryuk image of testcontainers could not be pulled: set TESTCONTAINERS_RYUK_DISABLED=true/,
    );
  });

  test('nothing when Ryuk is disabled, or when the failure was no pull', () => {
    expect(ryukHint(PULL_FAILED, { TESTCONTAINERS_RYUK_DISABLED: 'true' })).toBeUndefined();
    expect(ryukHint('Container exited during HTTP healthCheck', {})).toBeUndefined();
    expect(ryukHint('Timed out after 3000ms while waiting for container to be ready', {})).toBeUndefined();
  });
});
