/** What is flushed when the process is told to stop. */
export interface Flushable {
  shutdown(): Promise<void>;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Flushes the spans when the process gets SIGTERM or SIGINT, then exits, unless the service handles the signal
 * itself (then it is left to exit in its own time, and should `await serviceTracing.shutdown()` first). As PID 1
 * in a container a process has no default signal handler at all, so without this a stopped container loses the
 * spans still in the batch. A flush that hangs is cut short after `timeoutMs`.
 *
 * @example
 * flushOnSignals(provider, { timeoutMs: 5_000, log: (line) => process.stderr.write(`${line}\n`) });
 */
export function flushOnSignals(target: Flushable, options: { timeoutMs: number; log: (line: string) => void }): void {
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      const ownOnly = process.listenerCount(signal) === 0;
      void flush(target, options).then(() => {
        if (ownOnly) process.exit(0);
      });
    });
  }
}

async function flush(target: Flushable, options: { timeoutMs: number; log: (line: string) => void }): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  try {
    const outcome = await Promise.race([target.shutdown().then(() => 'done' as const), timeout]);
    if (outcome === 'timeout') options.log(`spans not flushed within ${options.timeoutMs} ms; exiting anyway`);
  } catch (error) {
    options.log(`flushing spans failed: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
