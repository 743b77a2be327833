import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { setupTracing, traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';

// Services that record request headers as span attributes (a common way credentials reach traces).
setupTracing({
  serviceName: 'shop',
  instrumentations: [
    new HttpInstrumentation({
      headersToSpanAttributes: { server: { requestHeaders: ['authorization', 'x-request-id'] } },
    }),
    new UndiciInstrumentation({ headersToSpanAttributes: { requestHeaders: ['x-api-key', 'x-request-id'] } }),
  ],
});

let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

describe('toHaveNoSensitiveData on spans of the real http and undici instrumentations', () => {
  test('a Bearer token captured as a request header attribute, and an API key sent with fetch', async () => {
    const response = await fetch(`${baseUrl}/orders?access_token=qtok-5521-zz`, {
      headers: { authorization: 'Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'x-api-key': 'k-2231-abc' },
    });
    expect(await response.text()).toBe('ok');
    const message = failureOf(() => expect(traces()).toHaveNoSensitiveData());
    expect(message).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    expect(message).not.toContain('k-2231-abc');
    expect(message).not.toContain('qtok-5521-zz');
    expect(message).toMatch(
      /shop server "GET" attributes\["http\.request\.header\.authorization"\]: secret-key in "<redacted:secret-key#[0-9a-f]{4}>"/,
    );
    expect(message).toMatch(/shop client "GET" attributes\["http\.request\.header\.x-api-key"\]: secret-key/);
    expect(message).toMatch(
      /shop client "GET" attributes\["url\.full"\]: query-secret in ".*access_token=<redacted:query-secret#[0-9a-f]{4}>"/,
    );
    expect(message).toMatch(/shop server "GET" attributes\["url\.query"\]: query-secret/);
  });

  test('the same calls without credentials pass', async () => {
    const response = await fetch(`${baseUrl}/orders?page=2`, { headers: { 'x-request-id': 'r-1' } });
    expect(await response.text()).toBe('ok');
    expect(traces().spans.length).toBeGreaterThanOrEqual(2);
    expect(traces()).toHaveNoSensitiveData();
  });
});
