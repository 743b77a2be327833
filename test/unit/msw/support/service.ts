// A small service under test: it handles one incoming request in a SERVER span and calls a callee, either right
// or with one of the propagation bugs the matchers must catch.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { type Context, context, propagation, ROOT_CONTEXT, SpanKind, TraceFlags, trace } from '@opentelemetry/api';
import { UNTRACED } from './instrumentations.ts';

const tracer = () => trace.getTracer('tracespec-msw-tests');

// node:http loaded as CommonJS once the instrumentation is enabled, so that it is patched (see ENVIRONMENT.md).
const nodeHttp = () => createRequire(import.meta.url)('node:http') as typeof import('node:http');

export type Client = 'fetch' | 'http';
export type Bug = 'none' | 'missing' | 'malformed' | 'foreign-trace' | 'wrong-parent';

export interface Handled {
  readonly traceId: string;
  readonly serverSpanId: string;
}

let stale: Context | undefined;

/**
 * A context kept from an earlier request (another trace, its span long gone): code that reuses it sends a foreign
 * trace. It holds only a remote span context, so no span of it is recorded or left open.
 */
export function captureStartupContext(): Context {
  stale ??= trace.setSpanContext(ROOT_CONTEXT, {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  });
  return stale;
}

/** Sends GET `url` with `client`; resolves once the whole response was read (so the CLIENT span has ended). */
export async function send(client: Client, url: string, headers: Record<string, string> = {}): Promise<void> {
  if (client === 'fetch') {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    nodeHttp()
      .get(url, { headers }, (response) => {
        response.resume();
        response.on('end', resolve);
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * Handles an incoming request in a SERVER span and calls `url`, with the given bug. `malformed` is the header
 * (name and value) a broken client sends instead of the right one.
 */
export async function handle(
  client: Client,
  url: string,
  bug: Bug = 'none',
  malformed: Record<string, string> = {},
  baggage: Record<string, string> = {},
): Promise<Handled> {
  return tracer().startActiveSpan('GET /orders', { kind: SpanKind.SERVER }, async (span) => {
    const entries = Object.fromEntries(Object.entries(baggage).map(([key, value]) => [key, { value }]));
    const active = Object.keys(entries).length
      ? propagation.setBaggage(context.active(), propagation.createBaggage(entries))
      : context.active();
    try {
      await context.with(active, () => callWithBug(client, url, bug, malformed));
    } finally {
      span.end();
    }
    return { traceId: span.spanContext().traceId, serverSpanId: span.spanContext().spanId };
  });
}

async function callWithBug(client: Client, url: string, bug: Bug, malformed: Record<string, string>): Promise<void> {
  switch (bug) {
    case 'none':
      return send(client, url);
    case 'missing':
      return send(client, url, { [UNTRACED]: '1' });
    case 'malformed':
      return send(client, url, { [UNTRACED]: '1', ...malformed });
    case 'foreign-trace':
      return context.with(captureStartupContext(), () => send(client, url));
    case 'wrong-parent': {
      // Injects the current (SERVER) span by hand and sends without a CLIENT span.
      const headers: Record<string, string> = { [UNTRACED]: '1' };
      propagation.inject(context.active(), headers);
      return send(client, url, headers);
    }
  }
}
