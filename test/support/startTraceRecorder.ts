// A stand-in OTLP/HTTP receiver for the container tests: records the spans of POST /v1/traces (protobuf).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { ExporterTarget } from '../../src/containers/index.ts';
import { otlpEndpoint } from '../../src/containers/index.ts';
import { decodeOtlpSpans, type RecordedSpan } from './decodeOtlpSpans.ts';

/** The running recorder. */
export interface TraceRecorder extends AsyncDisposable {
  readonly spans: readonly RecordedSpan[];
  readonly exporter: ExporterTarget;
  /** Waits until `predicate` holds for the spans received so far; fails with what arrived after `timeoutMs`. */
  waitFor(predicate: (spans: readonly RecordedSpan[]) => boolean, timeoutMs?: number): Promise<readonly RecordedSpan[]>;
  clear(): void;
}

/** Starts the recorder on `host` (the Docker bridge gateway for containers, 127.0.0.1 for processes). */
export async function startTraceRecorder(host: string): Promise<TraceRecorder> {
  const spans: RecordedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces')
        spans.push(...decodeOtlpSpans(Buffer.concat(chunks)));
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    spans,
    exporter: otlpEndpoint(`http://${host}:${port}`),
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let interval = 20;
      while (!predicate(spans)) {
        if (Date.now() > deadline) {
          const seen = spans.map((s) => `${s.service}:${s.name}`).join(', ') || 'none';
          throw new Error(`spans not as expected after ${timeoutMs}ms; received: ${seen}`);
        }
        await delay(interval);
        interval = Math.min(250, interval * 2);
      }
      return spans;
    },
    clear() {
      spans.length = 0;
    },
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
