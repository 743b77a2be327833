import { connect } from 'node:net';
import { startCollector } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { exchange } from '../../support/rawHttp.ts';

// A keep-alive connection that a client leaves idle and then reuses must still be open. Node's HTTP server closes an
// idle one after 5 s (6 s with Node 24's buffer); a client that sends on it as it closes gets ECONNRESET. The
// repeated runs saw exactly that from fetch in the Jaeger load test, on a loaded machine where the client read its
// answer late. The collector leaves closing idle connections to its clients (and closes them all when it stops).

describe('keep-alive connections to the collector', () => {
  test('a connection left idle for longer than Node closes idle ones (6 s) still takes the next request', async () => {
    await using collector = await startCollector({ grpc: false, jaegerAgent: false });
    const { hostname, port } = new URL(collector.endpoints.otlpHttp);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    let closedAt: number | undefined;
    socket.once('close', () => {
      closedAt = performance.now();
    });
    const body = JSON.stringify({ resourceSpans: [] });
    expect(await exchange(socket, '/v1/traces', body)).toBe(200);
    const idleFrom = performance.now();
    // The idle time is what this test is about (not a wait for something to happen): longer than Node's 5 s
    // keep-alive timeout plus its 1 s buffer.
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    expect(closedAt === undefined ? 'open' : `closed after ${Math.round(closedAt - idleFrom)} ms idle`).toBe('open');
    expect(await exchange(socket, '/v1/traces', body)).toBe(200);
    socket.destroy();
  });

  test('stopping the collector closes the idle connections it kept', async () => {
    const collector = await startCollector({ grpc: false, jaegerAgent: false });
    const { hostname, port } = new URL(collector.endpoints.otlpHttp);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    expect(await exchange(socket, '/v1/traces', JSON.stringify({ resourceSpans: [] }))).toBe(200);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await collector.stop();
    await closed;
    expect(socket.destroyed).toBe(true);
  });
});
