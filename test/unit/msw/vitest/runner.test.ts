import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import { runVitest } from '../../../support/runVitest.ts';

describe('the outbound matchers in the real runner', { timeout: 60_000 }, () => {
  test('pass on a service that propagates right, and fail with the request and the right header otherwise', async () => {
    const run = await runVitest(['test/fixtures/runner/msw-propagation.test.ts']);
    expect(run.tests.map((t) => [t.name, t.state])).toEqual([
      ['propagates b3 to the callee and nothing to the tracker', 'passed'],
      ['forgets the header', 'failed'],
    ]);
    const message = stripVTControlCharacters(run.tests[1]?.errors.join('\n') ?? '');
    expect(message).toContain('expect(request).toCarryTraceContext(expected)');
    expect(message).toContain('Received: no X-B3-TraceId/X-B3-SpanId header');
    expect(message).toContain('Request: GET http://api.example.test/orders');
    expect(message).toMatch(/^ {2}x-b3-traceid: [0-9a-f]{32}$/m);
    expect(message).toContain('(no CLIENT span was recorded for this request: is its HTTP client instrumented?)');
  });
});
