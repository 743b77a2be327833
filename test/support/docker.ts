import { describe, inject } from 'vitest';

/** `describe` for suites that need a Docker engine: skipped (with the reason printed once) when none answers. */
export const describeWithDocker = describe.skipIf(!inject('docker').available);
