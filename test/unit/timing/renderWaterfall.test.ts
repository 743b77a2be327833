import { renderWaterfall } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { timedTrace } from '../../support/timedTrace.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

const checkout = () =>
  timedTrace({
    name: 'POST /checkout',
    kind: 'server',
    start: 0,
    end: 100,
    children: [
      { name: 'GET /stock', kind: 'client', start: 5, end: 30 },
      { name: 'GET /price', kind: 'client', start: 30, end: 60 },
      {
        name: 'GET /shipping',
        kind: 'client',
        start: 60,
        end: 95,
        children: [{ name: 'shipping server', kind: 'server', service: 'shipping', start: 61, end: 94 }],
      },
      { name: 'cache hit', start: 97, end: 97 },
    ],
  });

describe('renderWaterfall', () => {
  it('draws every span on an axis that spans the trace', () => {
    const { trace } = checkout();
    expect(stripAnsi(renderWaterfall(trace))).toMatchInlineSnapshot(`
      "trace 63213651a50b21c563e62dde5471d160 (6 spans, 100ms; one █ = 2.5ms)
                                         0ms                                100ms
        POST /checkout [app]             ████████████████████████████████████████   100ms
        ├─ GET /stock [app]              ··██████████····························    25ms
        ├─ GET /price [app]              ············████████████················    30ms
        ├─ GET /shipping [app]           ························██████████████··    35ms
        │  └─ shipping server [shipping] ························██████████████··    33ms
        └─ cache hit [app]               ······································▏·     0us"
    `);
  });

  it('shows only the requested spans with their ancestors, and their marks', () => {
    const { trace, span } = checkout();
    const text = renderWaterfall(trace, {
      spans: [span('shipping server')],
      marks: new Map([[span('GET /stock'), '◀ 1st call']]),
      width: 20,
      labelWidth: 24,
    });
    expect(stripAnsi(text)).toMatchInlineSnapshot(`
      "trace 63213651a50b21c563e62dde5471d160 (6 spans, 100ms; one █ = 5ms)
                                 0ms            100ms
        POST /checkout [app]     ████████████████████   100ms
        ├─ GET /stock [app]      ·█████··············    25ms  ◀ 1st call
        └─ GET /shipping [app]   ············███████·    35ms
           └─ shipping server [… ············███████·    33ms"
    `);
  });

  it('draws a trace of one zero-length span', () => {
    const { trace } = timedTrace({ name: 'instant', start: 3, end: 3 });
    expect(stripAnsi(renderWaterfall(trace, { width: 10 }))).toMatchInlineSnapshot(`
      "trace 0cff423282f10ffa1e08c9f0e974f13c (1 span, 0us)
                                         0ms    0us
        instant                          ▏·········     0us"
    `);
  });

  it('truncates long names and summarizes spans beyond the limit', () => {
    const { trace } = timedTrace({
      name: 'a very long span name that does not fit in the label column',
      start: 0,
      end: 10,
      children: Array.from({ length: 5 }, (_, i) => ({ name: `SELECT ${i}`, start: i * 2, end: i * 2 + 1 })),
    });
    expect(stripAnsi(renderWaterfall(trace, { width: 10, labelWidth: 20, maxSpans: 3 }))).toMatchInlineSnapshot(`
      "trace 66395717b7c26ac188f4c7145dc41902 (6 spans, 10ms; one █ = 1ms)
                             0ms   10ms
        a very long span na… ██████████    10ms
        ├─ SELECT 0          █·········     1ms
        └─ SELECT 1          ··█·······     1ms
        … 3 more spans"
    `);
  });
});
