/** Keeps the last lines a service printed, so a failed start can show why without unbounded memory. */
export class OutputBuffer {
  readonly #lines: string[] = [];
  readonly #limit: number;
  #partial = '';

  constructor(limit = 200) {
    this.#limit = limit;
  }

  push(chunk: string | Buffer): void {
    const parts = (this.#partial + chunk.toString()).split('\n');
    this.#partial = parts.pop() ?? '';
    this.#lines.push(...parts);
    if (this.#lines.length > this.#limit) this.#lines.splice(0, this.#lines.length - this.#limit);
  }

  toString(): string {
    return [...this.#lines, this.#partial].filter((line) => line !== '').join('\n');
  }
}
