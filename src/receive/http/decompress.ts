import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import { ReceiveError } from '../ReceiveError.ts';
import { tooLarge } from './readBody.ts';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

/**
 * Undoes the request's `content-encoding` (gzip, deflate or none). Inflation stops as soon as the output passes
 * `maxBytes` (zlib's `maxOutputLength`), so a gzip bomb costs at most that much memory, then answers 413.
 */
export async function decompress(body: Buffer, encoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity' || name === '') return body;
  if (name !== 'gzip' && name !== 'x-gzip' && name !== 'deflate') {
    throw new ReceiveError(415, `[tracespec] content-encoding "${name}" is not supported; use gzip, deflate or none.`);
  }
  try {
    const inflateWith = name === 'deflate' ? inflateAsync : gunzipAsync;
    return await inflateWith(body, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('decompressed body', maxBytes);
    throw new ReceiveError(400, `[tracespec] the ${name} body could not be decompressed: ${(error as Error).message}`);
  }
}
