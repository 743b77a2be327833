import type { IncomingMessage } from 'node:http';
import { ReceiveError } from '../ReceiveError.ts';

/**
 * Reads a request body, refusing (413) as soon as it grows past `maxBytes`: a declared `content-length` over the
 * limit is refused before a byte is read, a chunked body as soon as the limit is crossed.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > maxBytes) return Promise.reject(tooLarge('body', maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // The handler reads and drops the rest (discardRest), so the client can read the 413 instead of a reset.
        request.off('data', onData);
        reject(tooLarge('body', maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    request.once('error', (error) =>
      reject(new ReceiveError(400, `[tracespec] the request body broke off: ${error.message}`)),
    );
  });
}

/** The 413 error for a body (or decompressed body) over the limit. */
export function tooLarge(what: string, maxBytes: number): ReceiveError {
  return new ReceiveError(
    413,
    `[tracespec] the ${what} is larger than maxBodyBytes (${maxBytes} bytes). Send smaller batches or raise startCollector({ maxBodyBytes }).`,
  );
}
