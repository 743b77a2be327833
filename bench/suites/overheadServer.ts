// What every test of the suite-overhead suites does (row 12), with tracespec or without it: ten requests through
// the http instrumentation to a server in the same worker, each request a CLIENT and a SERVER span (20 spans).
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Requests per test; each makes two spans. */
export const REQUESTS = 10;

/** A local server answering every request with a short body. */
export async function startServer(): Promise<{ readonly port: number; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    response.setHeader('content-type', 'text/plain');
    response.end(`ok ${request.url}`);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** {@link REQUESTS} requests one after another to `/<path>/<n>`, each body read to its end. */
export async function requests(port: number, path: string): Promise<void> {
  for (let n = 0; n < REQUESTS; n++) {
    await new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: `${path}/${n}` }, (response) => {
          response.resume();
          response.on('end', resolve);
          response.on('error', reject);
        })
        .on('error', reject);
    });
  }
}

/** Whether a span (of either side) belongs to the test whose requests went to `path` (by its URL attributes). */
export function isFor(attributes: Readonly<Record<string, unknown>>, path: string): boolean {
  const prefix = `${path}/`;
  for (const value of Object.values(attributes)) {
    if (typeof value === 'string' && value.includes(prefix)) return true;
  }
  return false;
}
