import type { WaitStrategy } from 'testcontainers';

/** Filled in by {@link noticeExit} when the container had exited by the time its wait failed. */
export interface ExitNotice {
  exitCode?: number;
}

/**
 * Makes a wait strategy record the container's exit code when the wait fails because the container exited
 * (testcontainers removes the container right after, and its own message has no exit code). The strategy is
 * returned with its `waitUntilReady` wrapped, so that its builder methods and settings stay as they are.
 */
export function noticeExit<T extends WaitStrategy>(strategy: T, notice: ExitNotice): T {
  const waitUntilReady = strategy.waitUntilReady.bind(strategy);
  strategy.waitUntilReady = async (container, ...rest) => {
    try {
      await waitUntilReady(container, ...rest);
    } catch (error) {
      const state = await container.inspect().then(
        (info) => info.State,
        () => undefined,
      );
      if (state?.Status === 'exited') notice.exitCode = state.ExitCode;
      throw error;
    }
  };
  return strategy;
}
