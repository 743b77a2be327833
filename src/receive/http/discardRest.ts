import type { IncomingMessage } from 'node:http';

/**
 * How much of a refused request's body the collector reads and drops before it closes the connection: enough for
 * any exporter's batch (the streaming client of issue 15 sent 100 MB), bounded so that an endless body cannot hold
 * a connection forever.
 */
export const DISCARD_BYTES = 128 * 1024 * 1024;

/**
 * Reads and drops what is left of a refused request's body, then calls `drained`; past `limit` bytes it resets the
 * connection instead. Closing at once would lose the answer: a socket closed with unread bytes is reset, and a
 * reset discards what the client had not read yet, the refusal included (the client sees EPIPE, which exporters
 * retry, instead of a 413, which they do not).
 */
export function discardRest(request: IncomingMessage, limit: number, drained: () => void): void {
  if (request.complete || request.destroyed) {
    drained();
    return;
  }
  let dropped = 0;
  request.removeAllListeners('data');
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) request.socket.destroy();
  });
  request.once('end', drained);
  request.resume();
}
