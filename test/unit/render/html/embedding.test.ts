import { TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { buildTracePage } from '../../../../src/render/html/buildTracePage.ts';
import { embedJson } from '../../../../src/render/html/embedJson.ts';
import { pageDataOf } from '../../../support/pageData.ts';
import { makeSpan } from '../../../support/spanBuilder.ts';

describe('data and text embedded in the page', () => {
  test('embedJson escapes what could end or change a script element, and parses back unchanged', () => {
    const value = { name: '</script><script>alert(1)</script>', comment: '<!-- x -->', lines: 'a\u2028b\u2029c' };
    const embedded = embedJson(value);
    expect(embedded).not.toMatch(/<|\u2028|\u2029/);
    expect(JSON.parse(embedded)).toEqual(value);
  });

  test('a span name or message that looks like markup stays text: one data element, one script, nothing injected', () => {
    const hostile = '</script><script>window.pwned = 1</script><img src=x onerror=alert(1)>';
    const traces = TraceSet.fromSpans([makeSpan({ name: hostile, attributes: { note: hostile }, service: hostile })]);
    const html = buildTracePage({ title: hostile, traces, failures: [{ message: `expected ${hostile}` }] });
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    const data = pageDataOf(html);
    expect(data.spans[0]?.n).toBe(hostile);
    expect(data.failures[0]?.message).toBe(`expected ${hostile}`);
  });

  test('the page forbids every network request and needs no other file', () => {
    const html = buildTracePage({ title: 't', traces: TraceSet.fromSpans([makeSpan({ name: 'a' })]) });
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});
