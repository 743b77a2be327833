/**
 * Runs `attempt` until it succeeds, at most `times` times, when the error is one `isTransient` accepts (an anchor's
 * server closing a kept-alive socket, a registry that did not answer once); any other error is thrown at once.
 */
export async function retry<T>(
  what: string,
  attempt: () => Promise<T>,
  options: { times?: number; isTransient?: (error: unknown) => boolean } = {},
): Promise<T> {
  const times = options.times ?? 3;
  const isTransient = options.isTransient ?? (() => true);
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= times || !isTransient(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`[bench] ${what} failed (${reason}); trying again (${tried + 1} of ${times})\n`);
    }
  }
}

/** Errors of a connection that went away under a request: worth one more try on a fresh socket. */
export function isConnectionReset(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || (error instanceof Error && error.message === 'socket hang up');
}
