/**
 * A request body that cannot be decoded at all (broken protobuf, invalid JSON, wrong shape). Receivers answer it
 * with 400 / INVALID_ARGUMENT and store nothing from that request.
 *
 * @example
 * try { decodeOtlpJson(text) } catch (error) { if (error instanceof MalformedInputError) console.log(error.message) }
 */
export class MalformedInputError extends Error {
  override readonly name = 'MalformedInputError';
}
