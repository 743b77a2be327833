import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import protobuf from 'protobufjs';
import { SpanStore } from '../../src/capture/SpanStore.ts';
import { decodeOtlpProtobuf } from '../../src/receive/otlp/proto/decodeOtlpProtobuf.ts';
import { startCollector } from '../../src/receive/startCollector.ts';
import { compare } from '../measure.ts';
import { type Row, round } from '../Row.ts';
import { requireAnchor } from '../support/anchors.ts';
import { otlpPayloads } from '../support/otlpPayloads.ts';
import { post as postOnAgent } from '../support/post.ts';
import { retry } from '../support/retry.ts';

/** The receiver OpenTelemetry JS tests its exporters against (2.x line, installed apart: see anchors.ts). */
interface TestCollectorLike {
  readonly endpointUrl?: string;
  start(): Promise<void>;
  clear(): void;
  close(): void;
}
const { TestCollector } = requireAnchor('@opentelemetry/contrib-test-utils') as {
  TestCollector: new () => TestCollectorLike;
};

const SPANS_PER_REQUEST = 1_000;
const REQUESTS_PER_ITERATION = 8;
const CONCURRENCY = 4;

/**
 * Row 4: spans per second received over OTLP/HTTP by tracespec's collector vs the TestCollector of
 * @opentelemetry/contrib-test-utils (the receiver OpenTelemetry JS uses in its own tests) on the same payloads,
 * and protobuf decoding alone vs protobufjs reflection on the same bytes.
 */
export const ingest: Row = async () => {
  const payload = otlpPayloads(SPANS_PER_REQUEST);
  const store = new SpanStore();
  const ours = await startCollector({ store, grpc: false, maxBodyBytes: 64 * 1024 * 1024 });
  const theirs = await retry('starting the TestCollector', async () => {
    const collector = new TestCollector();
    await collector.start();
    return collector;
  });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const ourUrl = new URL('/v1/traces', ours.endpoints.otlpHttp);
  const theirUrl = new URL('/v1/traces', (theirs.endpointUrl ?? '').replace('localhost', '127.0.0.1'));
  const post = (url: URL, body: string | Uint8Array, type: string) => postOnAgent(agent, url, body, type);
  const batch = (send: () => Promise<void>) => async () => {
    for (let i = 0; i < REQUESTS_PER_ITERATION; i += CONCURRENCY) {
      await Promise.all(Array.from({ length: CONCURRENCY }, send));
    }
  };
  const reset = () => {
    store.clear();
    theirs.clear();
  };
  const m = await compare(
    {
      oursProtobuf: { fn: batch(() => post(ourUrl, payload.protobuf, 'application/x-protobuf')), beforeEach: reset },
      oursJson: { fn: batch(() => post(ourUrl, payload.json, 'application/json')), beforeEach: reset },
      testCollectorJson: { fn: batch(() => post(theirUrl, payload.json, 'application/json')), beforeEach: reset },
    },
    { rounds: 5, timeMs: 1000 },
  );
  await ours.stop();
  theirs.close();
  agent.destroy();

  const root = protobuf.parse(readFileSync(new URL('../support/otlpTrace.proto', import.meta.url), 'utf8')).root;
  const Request = root.lookupType('bench.otlp.ExportTraceServiceRequest');
  const bytes = Buffer.from(payload.protobuf);
  const decodes = await compare(
    {
      tracespec: { fn: () => decodeOtlpProtobuf(bytes, 'otlp-http').spans.length },
      protobufjsReflection: { fn: () => Request.toObject(Request.decode(bytes), { longs: String, bytes: String }) },
    },
    { rounds: 5, timeMs: 500 },
  );

  const rate = (ms: number, spans: number) => Math.round(spans / (ms / 1000));
  const perIteration = SPANS_PER_REQUEST * REQUESTS_PER_ITERATION;
  const theirRate = rate(m.testCollectorJson.medianMs, perIteration);
  const figures = {
    'tracespec protobuf spans/s': rate(m.oursProtobuf.medianMs, perIteration),
    'tracespec JSON spans/s': rate(m.oursJson.medianMs, perIteration),
    'TestCollector JSON spans/s': theirRate,
    'spread tracespec protobuf spans/s': `${rate(m.oursProtobuf.spreadMs[1], perIteration)}..${rate(m.oursProtobuf.spreadMs[0], perIteration)}`,
    'spread tracespec JSON spans/s': `${rate(m.oursJson.spreadMs[1], perIteration)}..${rate(m.oursJson.spreadMs[0], perIteration)}`,
    'spread TestCollector spans/s': `${rate(m.testCollectorJson.spreadMs[1], perIteration)}..${rate(m.testCollectorJson.spreadMs[0], perIteration)}`,
  };
  const jsonRatio = m.testCollectorJson.medianMs / m.oursJson.medianMs;
  const protoRatio = m.testCollectorJson.medianMs / m.oursProtobuf.medianMs;
  const decodeRatio = decodes.protobufjsReflection.medianMs / decodes.tracespec.medianMs;
  return [
    {
      id: '4a',
      what: 'ingest OTLP/HTTP JSON (spans/s)',
      anchor: 'contrib-test-utils TestCollector, same JSON',
      ratio: round(jsonRatio),
      target: '>= 1.0x',
      met: jsonRatio >= 1,
      whyShort:
        'the TestCollector decodes the body to text and runs JSON.parse, nothing else; tracespec does both too, ' +
        'then checks every id, reads int64 times, converts attributes and indexes the spans in its store. A CPU ' +
        'profile of this route taken when the row was written (1000-span requests, client in the same process) gave: UTF-8 decoding of the body ' +
        "~18% and JSON.parse ~18% (shared with the anchor), garbage collection ~14%, tracespec's validation, " +
        'normalization and storing ~15%, in which the hex id checks and the BigInt times are ~2% each: no single ' +
        'part whose removal would close the gap.',
      figures,
    },
    {
      id: '4b',
      what: 'ingest OTLP/HTTP protobuf (spans/s)',
      anchor: 'TestCollector on the same spans as JSON (it refuses protobuf with 415)',
      ratio: round(protoRatio),
      target: '>= 2.0x',
      met: protoRatio >= 2,
      whyShort:
        'both sides of the ratio include the HTTP round trip and the client writing the body in the same process; ' +
        "tracespec's protobuf decoding alone is compared in 4c, and " +
        'the rest of a request (reading the body, storing, answering) is common to both formats.',
      figures,
    },
    {
      id: '4c',
      what: 'protobuf decode alone, 1000 spans (time)',
      anchor: 'protobufjs reflection decode + toObject of the same bytes',
      ratio: round(decodeRatio),
      target: '(faster is better)',
      met: decodeRatio >= 1,
      ...(decodeRatio >= 1
        ? {}
        : {
            whyShort:
              'tracespec also checks every span and builds the Span records a store keeps, with the strings a request ' +
              'repeats (trace ids, names, attribute values) shared: that sharing took 1 KiB of heap per stored span ' +
              'down to 0.55 KiB (row 11) and costs about 0.8 µs per span here (2.6 -> 3.3-3.5 ms per 1000 spans, ' +
              'measured alone); a copy of each span for it cost more and was dropped. protobufjs returns plain ' +
              'objects, and its own time moves by a fifth between runs',
          }),
      figures: {
        'tracespec decode to Span records ms': round(decodes.tracespec.medianMs, 3),
        'protobufjs reflection ms': round(decodes.protobufjsReflection.medianMs, 3),
      },
    },
  ];
};
