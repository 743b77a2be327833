import { startCollector } from 'tracespec/otlp';
import { expect, test } from 'vitest';

test('over HTTP: a Zipkin span without a timestamp is named in the 202 answer, and nothing of 1970 is stored', async () => {
  await using collector = await startCollector({ grpc: false, jaegerAgent: false });
  const traceId = '463ac35c9f6413ad48485a3953bb6124';
  const answer = await fetch(collector.endpoints.zipkin, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([
      { traceId, id: 'a2fb4a1d1a96d312', name: 'get /late', duration: 2500 },
      { traceId, id: 'a2fb4a1d1a96d313', name: 'get /api', timestamp: 1700000000123456, duration: 2500 },
    ]),
  });
  expect(answer.status).toBe(202);
  expect(await answer.text()).toBe(
    '[tracespec] rejected 1 Zipkin span(s): span "get /late": no timestamp (epoch microseconds), so it cannot be placed in time',
  );
  expect(collector.store.spans().map((span) => [span.name, span.startTimeUnixNano])).toEqual([
    ['get /api', 1700000000123456000n],
  ]);
});
