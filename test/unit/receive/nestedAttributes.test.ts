import { type Collector, startCollector } from 'tracespec/otlp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeRpcStatusMessage, spanIdOf, traceIdOf } from './support/encodeOtlp.ts';
import { expectedText, type Nesting, nestedOtlpJson, nestedOtlpProto } from './support/nestedValues.ts';

// Nested OTLP attribute values (kvlistValue / arrayValue) are serialized once, however deep they nest, up to the
// documented limit of 32 levels; a deeper value is a 400 naming the span and the attribute, never a 500 (stack
// overflow) and never a value that grows with every level (each level re-serialized inside the next).

let collector: Collector;
let next = 1;
beforeAll(async () => {
  collector = await startCollector({ grpc: false });
});
afterAll(() => collector.stop());

const post = (type: string, body: Uint8Array | string) =>
  fetch(`${collector.endpoints.otlpHttp}/v1/traces`, { method: 'POST', headers: { 'content-type': type }, body });
const postJson = (body: string) => post('application/json', body);
const postProto = (body: Uint8Array) => post('application/x-protobuf', body);

/** The refusal's message, from a JSON or a protobuf `google.rpc.Status` answer. */
async function refusalOf(answer: Response): Promise<string> {
  if (answer.headers.get('content-type') === 'application/json')
    return ((await answer.json()) as { message: string }).message;
  return decodeRpcStatusMessage(new Uint8Array(await answer.arrayBuffer()));
}

const containers = ['kvlist', 'array'] as const;

describe('nested attribute values within the limit are kept, serialized once', () => {
  for (const container of containers) {
    for (const depth of [2, 24, 32]) {
      const nesting: Nesting = { depth, container };
      test(`${container} ${depth} deep, JSON and protobuf`, async () => {
        for (const encoding of ['json', 'protobuf'] as const) {
          const n = next++;
          const answer =
            encoding === 'json'
              ? await postJson(nestedOtlpJson(n, 'nested', nesting))
              : await postProto(nestedOtlpProto(n, 'nested', nesting));
          expect(answer.status).toBe(200);
          await answer.arrayBuffer();
          const [span] = collector.store.spansOf(traceIdOf(n));
          // Exactly the value as JSON: 24 levels once stored 67 million characters.
          expect(span?.attributes.deep).toBe(expectedText(nesting));
          expect(JSON.parse(String(span?.attributes.deep))).toBeDefined();
        }
      });
    }
  }

  test('a nested __proto__ key is an ordinary key, and a map keeps its nested arrays structured', async () => {
    const n = next++;
    const value = {
      kvlistValue: {
        values: [
          { key: '__proto__', value: { arrayValue: { values: [{ intValue: 1 }, { stringValue: 'x' }] } } },
          { key: 'list', value: { arrayValue: { values: [{ kvlistValue: { values: [] } }] } } },
        ],
      },
    };
    const body = nestedOtlpJson(n, 'proto', { depth: 0, container: 'kvlist' }).replace(
      '{"stringValue":"leaf"}',
      JSON.stringify(value),
    );
    const answer = await postJson(body);
    expect(answer.status).toBe(200);
    const [span] = collector.store.spansOf(traceIdOf(n));
    expect(span?.attributes.deep).toBe('{"__proto__":[1,"x"],"list":[{}]}');
  });
});

describe('nested deeper than 32 levels: 400 naming the span and the attribute, nothing stored', () => {
  const cases: readonly { depth: number; container: 'kvlist' | 'array' }[] = [
    { depth: 33, container: 'kvlist' },
    { depth: 33, container: 'array' },
    { depth: 100_000, container: 'kvlist' },
    { depth: 100_000, container: 'array' },
  ];
  for (const nesting of cases) {
    test(`${nesting.container} ${nesting.depth} deep, JSON`, async () => {
      const size = collector.store.size;
      const answer = await postJson(nestedOtlpJson(next++, 'GET /deep', nesting));
      expect(answer.status).toBe(400);
      const message = await refusalOf(answer);
      expect(message).toContain(
        'span "GET /deep" attribute "deep" nests arrays or maps more than 32 levels deep (the collector\'s limit)',
      );
      expect(message).toContain('resourceSpans[0].scopeSpans[0].spans[0].attributes[0]');
      expect(message).toContain('Nothing from this request was stored.');
      expect(collector.store.size).toBe(size);
    });
    test(`${nesting.container} ${nesting.depth} deep, protobuf, the attribute before the span's name`, async () => {
      const size = collector.store.size;
      const body = nestedOtlpProto(next++, 'GET /deep', nesting, { attributesFirst: true });
      const answer = await postProto(body);
      expect(answer.status).toBe(400);
      expect(await refusalOf(answer)).toContain(
        'malformed OTLP protobuf: span "GET /deep" attribute "deep" nests arrays or maps more than 32 levels deep',
      );
      expect(collector.store.size).toBe(size);
    });
  }

  test('an event attribute is named with its event', async () => {
    const nesting: Nesting = { depth: 40, container: 'kvlist' };
    const json = await postJson(nestedOtlpJson(next++, 'pay', nesting, 'event'));
    expect(json.status).toBe(400);
    expect(await refusalOf(json)).toContain('span "pay" event "retry" attribute "deep" nests arrays or maps');
    const proto = await postProto(nestedOtlpProto(next++, 'pay', nesting, { place: 'event', attributesFirst: true }));
    expect(proto.status).toBe(400);
    expect(await refusalOf(proto)).toContain('span "pay" event "retry" attribute "deep" nests arrays or maps');
  });

  test('the collector keeps working: earlier spans intact, the next request stored', async () => {
    const n = next++;
    expect((await postJson(nestedOtlpJson(n, 'ok', { depth: 2, container: 'kvlist' }))).status).toBe(200);
    const before = collector.store.spansOf(traceIdOf(n));
    expect((await postProto(nestedOtlpProto(next++, 'bad', { depth: 100_000, container: 'kvlist' }))).status).toBe(400);
    expect(collector.store.spansOf(traceIdOf(n))).toEqual(before);
    const after = next++;
    expect((await postProto(nestedOtlpProto(after, 'after', { depth: 3, container: 'array' }))).status).toBe(200);
    expect(collector.store.spansOf(traceIdOf(after))[0]?.spanId).toBe(spanIdOf(after));
  });
});

describe('Zipkin tags are strings: a nested tag value is a 400, however deep', () => {
  for (const depth of [2, 100_000]) {
    test(`an array ${depth} deep`, async () => {
      const span = `{"traceId":"${traceIdOf(next)}","id":"${spanIdOf(next++)}","name":"z","timestamp":1700000000000000,"duration":5,"tags":{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
      const answer = await fetch(`${collector.endpoints.otlpHttp}/api/v2/spans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `[${span}]`,
      });
      expect(answer.status).toBe(400);
      expect(await answer.text()).toContain('[0].tags.deep should be a string, got array [[');
    });
  }
});

test('docs/collector.md states the limit the collector applies', async () => {
  const { readFileSync } = await import('node:fs');
  const { MAX_ATTRIBUTE_NESTING } = await import('../../../src/receive/otlp/attributeNesting.ts');
  const doc = readFileSync(new URL('../../../docs/collector.md', import.meta.url), 'utf8');
  expect(doc).toContain(`nest up to **${MAX_ATTRIBUTE_NESTING} levels**`);
  expect(doc).toContain(`more than ${MAX_ATTRIBUTE_NESTING} levels deep (the collector's limit)`);
});
