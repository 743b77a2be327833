import { TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import type { PageData } from '../../../../src/render/html/PageModel.ts';
import { serviceMapSvg } from '../../../../src/render/html/serviceMapSvg.ts';
import { toPageData } from '../../../../src/render/html/toPageData.ts';
import { knownPage } from '../../../support/knownTrace.ts';
import { makeSpan } from '../../../support/spanBuilder.ts';

/** Edges as `from -> to: label [broken]`, nodes as `name: counts`, read back from the SVG. */
function readMap(svg: string) {
  const edges = [
    ...svg.matchAll(/<g class="edge([^"]*)" data-from="([^"]*)" data-to="([^"]*)"[^>]*aria-label="([^"]*)"/g),
  ].map((match) => `${match[4]}${match[1]?.includes('broken') ? ' [broken]' : ''}`);
  const nodes = [...svg.matchAll(/<g class="node([^"]*)"[^>]*aria-label="([^"]*)"/g)].map(
    (match) =>
      `${match[2]}${match[1]?.includes('broken') ? ' [broken]' : ''}${match[1]?.includes('ghost') ? ' [ghost]' : ''}`,
  );
  return { edges, nodes };
}

function dataOf(set: TraceSet, hops: PageData['failures'][number]['hops'] = []): PageData {
  return toPageData('t', '', set, [{ message: 'm', marks: { spans: [], hops } }], false);
}

describe('the service map', () => {
  test('a node per service with span and error counts, an edge per caller -> callee with calls and errors', () => {
    const page = knownPage();
    const svg = serviceMapSvg(toPageData('t', '', page.traces, page.failures ?? [], false));
    expect(readMap(svg)).toEqual({
      edges: [
        'shop -&gt; gateway: 1 call',
        'gateway -&gt; orders: 1 call',
        'gateway -&gt; payments: 1 call',
        'orders -&gt; inventory: no calls (not continued (inferred)) [broken]',
      ],
      nodes: [
        'shop: 1 span',
        'gateway: 4 spans, 1 error',
        'orders: 4 spans',
        'payments: 2 spans, 1 error',
        'inventory: 2 spans',
      ],
    });
    expect(svg).toContain('<tspan class="edge-broken"');
  });

  test('a failing call counts as an error of its edge; a broken hop on an existing edge marks that edge', () => {
    const client = makeSpan({ service: 'a', kind: 'client', name: 'GET' });
    const server = makeSpan({ service: 'b', kind: 'server', parent: client, status: { code: 'error' } });
    const svg = serviceMapSvg(
      dataOf(TraceSet.fromSpans([client, server]), [{ from: 'a', to: 'b', note: 'expected 2 calls, got 1' }]),
    );
    expect(readMap(svg).edges).toEqual(['a -&gt; b: 1 call, 1 error (expected 2 calls, got 1) [broken]']);
  });

  test('a hop with an unknown caller marks the callee; a service without spans is drawn as a ghost', () => {
    const svg = serviceMapSvg(
      dataOf(TraceSet.fromSpans([makeSpan({ service: 'b', kind: 'server' })]), [
        { to: 'b', note: 'context lost' },
        { from: 'c', to: 'b', note: 'missing' },
      ]),
    );
    expect(readMap(svg)).toEqual({
      edges: ['c -&gt; b: no calls (missing) [broken]'],
      nodes: ['b: 1 span (context lost (caller unknown)) [broken]', 'c: 0 spans [ghost]'],
    });
  });

  test('names are escaped, layers go left to right by call depth, and cycles still get a layout', () => {
    const a = makeSpan({ service: '<a>', kind: 'client' });
    const b = makeSpan({ service: 'b', parent: a });
    const back = makeSpan({ service: '<a>', parent: b });
    const svg = serviceMapSvg(dataOf(TraceSet.fromSpans([a, b, back])));
    expect(svg).not.toContain('<a>');
    expect(svg).toContain('data-name="&lt;a&gt;"');
    const x = (name: string) =>
      Number(new RegExp(`data-name="${name}" transform="translate\\(([\\d.]+)`).exec(svg)?.[1]);
    expect(x('b')).toBeGreaterThan(x('&lt;a&gt;'));
    expect(readMap(svg).edges).toEqual(['&lt;a&gt; -&gt; b: 1 call', 'b -&gt; &lt;a&gt;: 1 call']);
  });

  test('no spans: a note instead of a map', () => {
    expect(serviceMapSvg(dataOf(TraceSet.fromSpans([])))).toBe('<p class="map-empty">No spans.</p>');
  });
});
