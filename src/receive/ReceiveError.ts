/**
 * A request the collector refuses, with the HTTP status it answers (400 malformed, 401 token, 413 too large,
 * 415 unsupported content type or encoding). Nothing from such a request is stored.
 */
export class ReceiveError extends Error {
  override readonly name = 'ReceiveError';
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}
