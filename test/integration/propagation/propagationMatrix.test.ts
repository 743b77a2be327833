// The propagation proof against real services: gateway -> orders -> inventory, each set up by tracespec/service,
// with one defect at a time (test/fixtures/propagation/service.ts). For child processes and containers, with and
// without the recording taps, one test at a time and two tests at once: toBeConnected must fail naming the hop and
// the true cause (with "inferred" where only the spans speak), must pass when nothing is wrong, and two concurrent
// tests must never report each other's hop as their own. toPropagate on the broken hop must fail with the same cause.
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import type { Span } from 'tracespec';
import {
  hostGatewayAddress,
  type StartedTracedEnvironment,
  TracedContainer,
  TracedEnvironment,
  TracedProcess,
} from 'tracespec/containers';
import { type Collector, startCollector } from 'tracespec/otlp';
import { setupTracing, traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { untraced } from '../../../src/containers/untraced.ts';
import { failureOf } from '../../support/failure.ts';

setupTracing({ serviceName: 'test', instrumentations: [new UndiciInstrumentation()] });

const entry = fileURLToPath(new URL('../../fixtures/propagation/service.ts', import.meta.url));
const ID = '[0-9a-f]{32}';
const SPAN = '[0-9a-f]{16}';
const re = (source: string) => new RegExp(source);

/** What the failure must say, with the taps and without them. */
const defects: Record<string, { tap: RegExp; noTap?: RegExp }> = {
  'strip-header': {
    tap: re(
      `orders -> inventory: orders sent no trace context on GET /work\\?defect=strip-header \\(answered 200\\): the tap between them saw no traceparent, b3, X-B3-\\* or uber-trace-id header; inventory's server span "[^"]+" started a new trace \\(${ID}\\)`,
    ),
    noTap: re(
      `orders -> inventory: inventory's server span "[^"]+" did not continue orders' trace: .*Inferred, no tap on this link`,
    ),
  },
  'wrong-parent': {
    tap: re(
      `orders -> inventory: orders sent trace ${ID} with parent id ${SPAN} on GET /work\\?defect=wrong-parent \\(answered 200\\), which is not its client span "GET" \\(${SPAN}\\)`,
    ),
    noTap: re(
      `orders -> inventory: the server span "[^"]+" names parent ${SPAN}, which is not in the trace\\. Inferred: the call is orders' client span "GET"`,
    ),
  },
  'foreign-trace': {
    tap: re(
      `orders -> inventory: orders sent the context of another trace on GET /work\\?defect=foreign-trace \\(answered 200\\): W3C traceparent trace ${ID}, but its client span "GET" is in trace ${ID}`,
    ),
    noTap: re(
      `orders -> inventory: inventory's server span "[^"]+" continued trace ${ID} with orders' client span "GET" \\(${SPAN}\\) as its parent, but that client span is in trace ${ID}\\. Inferred`,
    ),
  },
  'b3-only': {
    tap: re(
      `orders -> inventory: orders sent the context only as B3 single \\(b3\\) on GET /work\\?defect=b3-only \\(answered 200\\); inventory reads W3C traceparent \\(its OTEL_PROPAGATORS\\), and inventory's server span "[^"]+" started a new trace`,
    ),
    noTap: re(
      `orders -> inventory: inventory's server span "[^"]+" did not continue orders' trace: .*Inferred, no tap on this link`,
    ),
  },
  'outside-context': {
    tap: re(
      `orders -> inventory: the outgoing call ran outside the request's context: orders' client span "GET" started a new trace \\(${ID}\\) while orders was handling "[^"]+" of this test's trace; the tap saw that new trace sent to inventory`,
    ),
    noTap: re(
      `orders: the outgoing call ran outside the request's context: orders' client span "GET" started a new trace \\(${ID}\\) while orders was handling "[^"]+" of this test's trace`,
    ),
  },
  'new-root': {
    tap: re(
      `orders: the handling of "[^"]+" ran under a new root: internal span "orders\\.handle" started a new trace \\(${ID}\\)`,
    ),
    noTap: re(
      `orders: the handling of "[^"]+" ran under a new root: internal span "orders\\.handle" started a new trace \\(${ID}\\)`,
    ),
  },
  'ignore-context': {
    tap: re(
      `orders -> inventory: inventory received a valid context on GET /bare/work\\?defect=ignore-context \\(answered 200\\) \\(W3C traceparent: trace ${ID}, parent ${SPAN} = orders' client span "GET"\\) and did not continue it: inventory's server span "GET /bare/work" started a new trace`,
    ),
    noTap: re(
      `orders -> inventory: inventory's server span "GET /bare/work" did not continue orders' trace: .*Inferred, no tap on this link`,
    ),
  },
  'no-server-span': {
    tap: re(
      `orders -> inventory: inventory recorded no server span for the call from orders \\(orders' client span "GET": the tap saw it call inventory \\(GET /bare/work\\?defect=no-server-span\\)\\); its work started a new trace at internal span "inventory\\.lookup"`,
    ),
    noTap: re(
      `orders -> inventory: inventory recorded no server span for the call from orders \\(orders' client span "GET": [^)]+\\); its work started a new trace at internal span "inventory\\.lookup"`,
    ),
  },
  unsampled: {
    tap: re(
      `orders -> inventory: inventory handled GET /work\\?defect=unsampled \\(answered 200\\) \\(seen by the tap, carrying trace ${ID}\\), but none of its spans for it arrived, and the call carried the context marked not sampled \\(W3C traceparent with the sampled flag off\\)\\. Inferred from the flag: inventory followed orders' decision not to sample`,
    ),
  },
  'not-exported': {
    tap: re(
      `orders -> inventory: inventory handled GET /bare/work\\?defect=not-exported \\(answered 200\\) \\(seen by the tap, carrying trace ${ID}\\), but (none of its spans for it arrived|no span of it arrived that is certainly its): expected but missing`,
    ),
  },
};

function environment(mode: 'process' | 'container', collector: Collector, taps: boolean): TracedEnvironment {
  const system = new TracedEnvironment().withExporter(collector).withTaps(taps);
  for (const [name, downstream] of [
    ['gateway', 'orders'],
    ['orders', 'inventory'],
    ['inventory', undefined],
  ] as const) {
    const service =
      mode === 'container'
        ? TracedContainer.fromNodeService({ entry }).withPort(3000)
        : TracedProcess.fromNodeService({ entry });
    service
      .withServiceName(name)
      .withReadyPath('/health')
      .withEnvironment({
        TRACESPEC_IGNORE_PATHS: '/health,/__flush,/bare/work',
        ...(name === 'inventory' ? { OTEL_PROPAGATORS: 'tracecontext,baggage' } : {}),
      });
    if (downstream) service.withLink('DOWNSTREAM_URL', downstream);
    system.withService(service);
  }
  return system;
}

/** The broken hops of a toBeConnected message that do not say they may belong to a concurrent test. */
function certainHops(message: string): number {
  const hops = message.split('\n\n')[1] ?? '';
  return hops.split('\n').filter((line) => /^ {2}\d+\. /.test(line) && !/may belong to a concurrent test/.test(line))
    .length;
}

/** With TRACESPEC_DUMP=<file>, what a diagnosis read when its message was not the expected one (to debug it). */
function dumpOnMismatch(message: string, expected: RegExp): void {
  const file = process.env.TRACESPEC_DUMP;
  if (!file || (expected.test(message) && certainHops(message) <= 1)) return;
  const evidence = traces().evidence();
  const show = (spans: readonly Span[]) =>
    spans.map(
      (span) =>
        `${span.service} ${span.kind} ${span.name} ${span.traceId.slice(0, 6)}/${span.spanId.slice(0, 6)}<-${span.parentSpanId?.slice(0, 6)} ${span.startTimeUnixNano % 100_000_000_000n}-${span.endTimeUnixNano % 100_000_000_000n}`,
    );
  const dump = {
    message,
    own: show(evidence.traces.spans),
    strays: show(evidence.strays?.spans ?? []),
    others: show(evidence.others?.spans ?? []),
    otherIds: [...(evidence.otherTraceIds ?? [])].map((id) => id.slice(0, 6)),
    concurrent: evidence.concurrentTests,
    wire: (evidence.wire ?? []).map(
      (r) =>
        `${r.path} ${JSON.stringify(r.headers)} ${r.startUnixNano % 100_000_000_000n}-${r.endUnixNano % 100_000_000_000n}`,
    ),
  };
  appendFileSync(file, `${JSON.stringify(dump, null, 1)}\n`);
}

const modes = [
  ['child processes', 'process'],
  ['containers', 'container'],
] as const;

describe.each(modes)('%s', (_title, mode) => {
  const docker = mode === 'process' || inject('docker').available;
  describe.skipIf(!docker).each([true, false])('taps: %s', (taps) => {
    let collector: Collector;
    let system: StartedTracedEnvironment;
    beforeAll(async () => {
      collector = await startCollector({
        grpc: false,
        ...(mode === 'container' ? { host: await hostGatewayAddress() } : {}),
      });
      system = await environment(mode, collector, taps).start();
    });
    afterAll(async () => {
      await system?.stop();
      await collector?.stop();
    });

    /** One request through the system with a defect, then every service exports what it has: the store is complete. */
    async function checkout(defect: string): Promise<void> {
      const response = await fetch(`${system.url('gateway')}/work?defect=${defect}`);
      expect(response.status).toBe(200);
      await untraced(() =>
        Promise.all(system.services.map((service) => fetch(`${service.url}/__flush`, { method: 'POST' }))),
      );
    }

    const cases = Object.entries(defects).filter(([, expected]) => taps || expected.noTap);
    const expectedOf = (defect: string) => {
      const expected = defects[defect];
      return (taps ? expected?.tap : expected?.noTap) as RegExp;
    };

    /**
     * The cause as the taps tell it; or, for a split-off trace that requests of a concurrent test could explain
     * too (so the message says it may belong to one), as the spans alone tell it.
     */
    const expectCause = (message: string, defect: string) => {
      const expected = expectedOf(defect);
      const spansOnly = defects[defect]?.noTap;
      if (taps && spansOnly && !expected.test(message) && /may belong to a concurrent test/.test(message)) {
        expect(message).toMatch(spansOnly);
      } else expect(message).toMatch(expected);
    };

    test('healthy: one connected trace, every hop propagated', async () => {
      await checkout('none');
      expect(traces()).toBeConnected();
      expect(traces()).toPropagate({ from: 'gateway', to: 'orders' });
      expect(traces()).toPropagate({ from: 'orders', to: 'inventory' });
    });

    test.for(cases)('%s: the hop and the true cause', async ([defect]) => {
      await checkout(defect);
      let message = '(passed)';
      try {
        message = failureOf(() => expect(traces()).toBeConnected());
      } finally {
        dumpOnMismatch(message, expectedOf(defect));
      }
      expect(message).toMatch(expectedOf(defect));
      expect(message).not.toMatch(/may belong to a concurrent test/);
      // toPropagate blames the same hop with the same cause, whether orders lost the context on the wire or
      // inside itself (a call outside the request's context, a new root), and clears the hop before it.
      expect(failureOf(() => expect(traces()).toPropagate({ from: 'orders', to: 'inventory' }))).toMatch(
        expectedOf(defect),
      );
      expect(traces()).toPropagate({ from: 'gateway', to: 'orders' });
    });

    test('a span that went on in a split-off trace: toHaveSpan says it arrived there, not only that it is missing', async () => {
      await checkout('outside-context');
      const message = failureOf(() => expect(traces()).toHaveSpan({ service: 'inventory', kind: 'server' }));
      expect(message).toMatch(
        re(
          // A stray of the test before it may still be in the time window: listed too, the sentence then counts.
          `(A matching span|\\d+ matching spans) arrived in (a split-off trace|\\d+ split-off traces) that no test claimed \\(traces\\(\\)\\.strays\\(\\)\\):\n(  .*\n)*  inventory server "[^"]+" \\(url\\.path: "/work"\\) [^\n]* in trace ${ID}\n(  .*\n)*If (it|one) is this test's, the trace context was lost on the way to it`,
        ),
      );
    });

    test.concurrent.for(cases.flatMap(([defect]) => [[defect, 1] as const, [defect, 2] as const]))(
      'two at once, %s (%i of 2): each names the cause, neither claims the other’s hop as certain',
      async ([defect]) => {
        await checkout(defect);
        let message = '(passed)';
        try {
          message = failureOf(() => expect(traces()).toBeConnected());
        } finally {
          dumpOnMismatch(message, expectedOf(defect));
        }
        expectCause(message, defect);
        // Every hop that is not certainly this test's says so.
        expect(certainHops(message), message).toBeLessThanOrEqual(1);
      },
    );

    test.concurrent.for(cases.flatMap(([defect]) => [[defect, 'healthy'] as const, [defect, 'broken'] as const]))(
      'beside a test with %s, the %s one: the healthy test passes, the broken one names its own cause',
      async ([defect, role]) => {
        if (role === 'healthy') {
          await checkout('none');
          expect(traces()).toBeConnected();
          expect(traces()).toPropagate({ from: 'orders', to: 'inventory' });
          return;
        }
        await checkout(defect);
        let message = '(passed)';
        try {
          message = failureOf(() => expect(traces()).toBeConnected());
        } finally {
          dumpOnMismatch(message, expectedOf(defect));
        }
        expectCause(message, defect);
      },
    );
  });
});
