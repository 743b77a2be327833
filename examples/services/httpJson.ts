// Small helpers the example services share; plain node:http so the http instrumentation sees every call.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';

/** Sends `body` as JSON with `status`. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

// The broken-propagation scenario: a service that removes the trace context the instrumentation injected (as a
// proxy or a header allow-list would).
const dropPropagation = process.env.DROP_TRACE_PROPAGATION === '1';

/** Calls another service and parses its JSON answer. */
export function requestJson(url: string, method = 'GET'): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method }, (response: IncomingMessage) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    request.on('error', reject);
    if (dropPropagation) request.removeHeader('traceparent');
    request.end();
  });
}

/** Starts a server on `PORT` that answers `/health` itself and hands every other request to `handle`. */
export function serve(handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>): void {
  const port = Number(process.env.PORT ?? 3000);
  http
    .createServer((request, response) => {
      if (request.url === '/health') return sendJson(response, 200, { ok: true });
      handle(request, response).catch((error: Error) => sendJson(response, 500, { error: error.message }));
    })
    .listen(port, () => console.log(`${process.env.OTEL_SERVICE_NAME} listening on ${port}`));
}

/** Base URL of another service, from the variable the environment sets. */
export function serviceUrl(variable: string): string {
  const url = process.env[variable];
  if (!url) throw new Error(`${variable} is not set; link the service with withLink('${variable}', ...)`);
  return url;
}
