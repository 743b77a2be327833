import { hasCriticalPath } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { timedTrace } from '../../support/timedTrace.ts';

const { trace, span } = timedTrace({
  name: 'POST /checkout',
  kind: 'server',
  start: 0,
  end: 100,
  children: [
    { name: 'auth', start: 1, end: 10 },
    {
      name: 'GET /stock',
      kind: 'client',
      start: 10,
      end: 90,
      children: [{ name: 'SELECT stock', kind: 'client', service: 'stock', start: 15, end: 85 }],
    },
    { name: 'GET /price', kind: 'client', start: 12, end: 50 },
  ],
});

describe('hasCriticalPath', () => {
  it('matches the exact path with partial spans', () => {
    const path = [
      { name: 'POST /checkout' },
      { name: 'auth' },
      { kind: 'client' as const, name: 'GET /stock' },
      { name: 'SELECT stock' },
    ];
    expect(hasCriticalPath(trace, path).pass).toBe(true);
    expect(hasCriticalPath(trace, path.slice(1)).pass).toBe(false);
  });

  it('matches the spans themselves', () => {
    expect(
      hasCriticalPath(trace, [span('POST /checkout'), span('auth'), span('GET /stock'), span('SELECT stock')]).pass,
    ).toBe(true);
  });

  it('with exact: false, the path must go through the spans in order', () => {
    expect(hasCriticalPath(trace, [{ name: 'GET /stock' }, { name: 'SELECT stock' }], { exact: false }).pass).toBe(
      true,
    );
    expect(hasCriticalPath(trace, [{ name: 'SELECT stock' }, { name: 'GET /stock' }], { exact: false }).pass).toBe(
      false,
    );
    expect(hasCriticalPath(trace, [{ name: 'GET /price' }], { exact: false }).pass).toBe(false);
  });

  it('lists the real path with the time each span spent on it', () => {
    const result = hasCriticalPath(trace, [{ name: 'POST /checkout' }, { name: 'GET /price' }]);
    expect(result.message()).toMatchInlineSnapshot(`
      "Expected: a critical path of exactly:
        1. { name: "POST /checkout" }
        2. { name: "GET /price" }
      Received: the critical path (100ms of the trace's 100ms) is:
        1. app server "POST /checkout" 100ms  (11ms on the path)
        2. app internal "auth" 9ms  (9ms on the path)
        3. app client "GET /stock" 80ms  (10ms on the path)
        4. stock client "SELECT stock" 70ms  (70ms on the path)

      trace 525dd1f746e1f4849ea45aaf6fde4987 (5 spans, 100ms; one █ = 2.5ms)
                                         0ms                                100ms
        POST /checkout [app]             ████████████████████████████████████████   100ms  ◀ path 1
        ├─ auth [app]                    ████····································     9ms  ◀ path 2
        ├─ GET /stock [app]              ····████████████████████████████████····    80ms  ◀ path 3
        │  └─ SELECT stock [stock]       ······████████████████████████████······    70ms  ◀ path 4
        └─ GET /price [app]              ····████████████████····················    38ms"
    `);
    expect(result.actual).toEqual(['POST /checkout', 'auth', 'GET /stock', 'SELECT stock']);
    expect(result.expected).toEqual(['POST /checkout', 'GET /price']);
  });
});
