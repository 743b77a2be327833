import { request } from 'node:http';

/** What a streaming client saw: the status (if a response arrived) and the error (if the connection broke). */
export interface StreamOutcome {
  readonly status?: number;
  readonly body: string;
  readonly error?: string;
  /** Bytes the client handed to the socket before it stopped. */
  readonly written: number;
}

/**
 * POSTs `total` bytes with node:http the way an exporter streams a large batch: Content-Length announced, 1 MiB
 * writes with backpressure, and it keeps writing after the answer arrived (as node:http clients do) until it has
 * sent everything or the connection broke.
 */
export function streamBody(
  url: string,
  total: number,
  headers: Readonly<Record<string, string>>,
): Promise<StreamOutcome> {
  const chunk = Buffer.alloc(1024 * 1024, 7);
  return new Promise((resolve) => {
    let status: number | undefined;
    let body = '';
    let error: string | undefined;
    let written = 0;
    let settled = 0;
    const done = () => {
      // Settled once the writing is over (all sent, or the connection broke) and the answer read or lost.
      if (++settled === 2)
        resolve({ ...(status === undefined ? {} : { status }), body, ...(error ? { error } : {}), written });
    };
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(total) } });
    let answered = false;
    const answerOver = () => {
      if (answered) return;
      answered = true;
      done();
    };
    req.on('response', (res) => {
      status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        body += text;
      });
      res.on('end', answerOver);
      res.on('error', answerOver);
    });
    let writing = true;
    const writingOver = () => {
      if (!writing) return;
      writing = false;
      done();
    };
    req.on('error', (e) => {
      error = `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`;
      writingOver();
      answerOver();
    });
    const pump = () => {
      while (writing && written < total) {
        const size = Math.min(chunk.length, total - written);
        written += size;
        if (!req.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          // Once the answer has ended, node:http no longer passes the socket's 'drain' on to the request: wait on
          // the socket itself.
          let resumed = false;
          const resume = () => {
            if (resumed) return;
            resumed = true;
            req.off('drain', resume);
            req.socket?.off('drain', resume);
            pump();
          };
          req.once('drain', resume);
          req.socket?.once('drain', resume);
          return;
        }
      }
      if (writing) {
        req.end();
        writingOver();
      }
    };
    pump();
  });
}
