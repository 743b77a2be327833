import { accessSync, constants } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser.ts';

/** Whether Debian's chromium is installed, for the browser suites. */
export interface ChromiumStatus {
  readonly available: boolean;
  readonly reason?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumStatus;
  }
}

/**
 * Looks for the chromium executable once per run. Outside CI a missing browser skips the browser suites (the
 * reason printed once); with CI=true or TRACESPEC_REQUIRE_CHROMIUM=1 it fails the run instead, like the Docker
 * suites do.
 */
export default function setup(project: TestProject): void {
  let status: ChromiumStatus = { available: true };
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch (error) {
    status = { available: false, reason: `${CHROMIUM_PATH} is not an executable (${(error as Error).message})` };
  }
  const required = process.env.CI === 'true' || process.env.TRACESPEC_REQUIRE_CHROMIUM === '1';
  if (!status.available && required) {
    throw new Error(
      `[tracespec] Chromium is required here (CI=true or TRACESPEC_REQUIRE_CHROMIUM=1), but ${status.reason}. ` +
        "Install Debian's chromium (apt-get install chromium; .ci/run does it from .ci/apt-packages) or unset CI to skip the browser suites.",
    );
  }
  if (!status.available && process.env.TRACESPEC_CHROMIUM_NOTICE !== 'printed') {
    process.env.TRACESPEC_CHROMIUM_NOTICE = 'printed';
    console.warn(`[tracespec] browser suites are skipped: ${status.reason}.`);
  }
  project.provide('chromium', status);
}
