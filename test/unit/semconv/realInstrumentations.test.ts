import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { setupTracing, traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';

setupTracing({ serviceName: 'shop', instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()] });

let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? 200);
    res.statusCode = status;
    res.end('done');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

describe('toFollowSemanticConventions on spans of the current http and undici instrumentations', () => {
  test('node:http client and server, 200, 404 and 500', async () => {
    for (const status of [200, 404, 500]) expect(await get(`${baseUrl}/orders?status=${status}`)).toBe(status);
    expect(traces().spans.filter((span) => span.kind === 'server')).toHaveLength(3);
    expect(traces()).toFollowSemanticConventions();
    // The rules ran on all six spans (the message of .not says how many).
    expect(failureOf(() => expect(traces()).not.toFollowSemanticConventions())).toContain(
      'Received: all 6 checked spans (http, db, messaging, rpc) follow the',
    );
  });

  test('fetch (undici) client, 200, 404 and 500', async () => {
    for (const status of [200, 404, 500]) {
      expect((await fetch(`${baseUrl}/stock?status=${status}`)).status).toBe(status);
    }
    expect(traces().spans.filter((span) => span.kind === 'client')).toHaveLength(3);
    expect(traces()).toFollowSemanticConventions({ signals: ['http'] });
    expect(traces()).toBeWellInstrumented();
  });
});
