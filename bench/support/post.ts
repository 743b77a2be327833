import { type Agent, request } from 'node:http';
import { isConnectionReset, retry } from './retry.ts';

/**
 * POSTs `body` and resolves on a 200 answer. A server may close a kept-alive socket just as the agent reuses it
 * (Node's documented race: `socket hang up` / ECONNRESET on a reused socket, seen with the TestCollector); such a
 * request is sent again on a fresh socket rather than failing the row.
 */
export function post(agent: Agent, url: URL, body: string | Uint8Array, contentType: string): Promise<void> {
  return retry(`POST ${url.pathname}`, () => postOnce(agent, url, body, contentType), {
    times: 5,
    isTransient: isConnectionReset,
  });
}

function postOnce(agent: Agent, url: URL, body: string | Uint8Array, contentType: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': contentType } }, (res) => {
      res.resume();
      res.on('error', reject);
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`[bench] HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}
