import { redactMessage, redactTraces } from '../../snapshot/redactTraces.ts';
import { reportRedactions } from '../../snapshot/reportRedactions.ts';
import { embedJson } from './embedJson.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { PageData } from './PageModel.ts';
import { PAGE_SCRIPT } from './pageScript.generated.ts';
import { PAGE_STYLE } from './pageStyle.ts';
import { serviceMapSvg } from './serviceMapSvg.ts';
import type { PageOptions, TracePageInput } from './TracePageInput.ts';
import { toPageData } from './toPageData.ts';
import { axisTicks } from './view/axisTicks.ts';
import { formatMs } from './view/formatMs.ts';

/**
 * One self-contained HTML file that shows traces the way trace viewers do: the failure's message with the spans
 * it marks, the service map (the broken hop in red), and a waterfall (one row per span on a shared time axis,
 * collapsible, keyboard navigable, virtualized for large traces) with a details pane. Styles, script and data are
 * inline; a Content-Security-Policy forbids every network request, so it opens anywhere, offline, from a file.
 * Every shown value goes through the redaction rules first (default {@link reportRedactions}).
 *
 * @example
 * await writeFile('checkout.html', buildTracePage({ title: 'checkout', traces: traces.traceSet() }));
 */
export function buildTracePage(input: TracePageInput, options: PageOptions = {}): string {
  const rules = options.redact ?? reportRedactions;
  const data = toPageData(
    redactMessage(input.title, rules),
    redactMessage(input.subtitle ?? '', rules),
    redactTraces(input.traces, rules),
    (input.failures ?? []).map((failure) => ({ ...failure, message: redactMessage(failure.message, rules) })),
    input.timeless === true,
  );
  return renderPage(data, input.indexHref);
}

function renderPage(data: PageData, indexHref: string | undefined): string {
  const failed = data.failures.length > 0;
  const title = `${failed ? 'Failed: ' : ''}${data.title}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="tracespec">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header class="top">
<div class="title">
<h1>${failed ? '<span class="verdict">✗ Failed</span>' : ''}${escapeHtml(data.title)}</h1>
${data.subtitle ? `<p class="sub">${escapeHtml(data.subtitle)}</p>` : ''}
</div>
${indexHref ? `<a class="tool" href="${escapeHtml(indexHref)}">All failures</a>` : ''}
<button type="button" class="tool" id="theme">◐ Auto</button>
</header>
<main>
${data.failures.map((failure, i) => renderFailure(data, failure, i)).join('\n')}
${renderSummary(data)}
<section class="map" aria-labelledby="map-title">
<h2 id="map-title">Service map</h2>
${serviceMapSvg(data)}
</section>
<div class="trace-view">
<section class="waterfall" aria-label="Waterfall">
<div class="wf-head"><div class="label-head">Span</div><div class="axis">${renderAxis(data)}</div></div>
<div id="rows" role="tree" tabindex="0" aria-label="Spans, one row each: arrow keys move, left and right collapse and expand"><div id="rows-spacer"></div></div>
<div class="keys"><kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>←</kbd> <kbd>→</kbd> collapse / expand · <kbd>Enter</kbd> toggle · <kbd>n</kbd> / <kbd>N</kbd> next / previous marked span · <kbd>e</kbd> / <kbd>E</kbd> next / previous error</div>
</section>
<aside id="details" aria-live="polite" aria-label="Details of the selected span"></aside>
</div>
<noscript><p>The waterfall needs JavaScript. The same traces are in the .tree.txt and .otlp.json files beside this page.</p></noscript>
</main>
<script type="application/json" id="tracespec-data">${embedJson(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function renderFailure(data: PageData, failure: PageData['failures'][number], i: number): string {
  const heading = data.failures.length === 1 ? 'Why the test failed' : `Failure ${i + 1} of ${data.failures.length}`;
  const chips = failure.marks.map(({ span, note }) => {
    const marked = data.spans[span];
    const what = marked ? `${data.services[marked.s]} ${marked.k} "${marked.n}"` : '';
    return `<button type="button" class="mark-chip" data-mark="${span}" title="Show this span">◀ ${escapeHtml(note)} · ${escapeHtml(what)}</button>`;
  });
  const hops = failure.hops.map(
    (hop) =>
      `<span class="hop-note">✗ ${escapeHtml(hop.from ?? '?')} → ${escapeHtml(hop.to)}: ${escapeHtml(hop.note)}</span>`,
  );
  const marks = chips.length + hops.length > 0 ? `<div class="marks">${[...hops, ...chips].join('')}</div>` : '';
  return `<section class="failure" aria-label="${escapeHtml(heading)}"><h2>${escapeHtml(heading)}</h2><pre class="message">${escapeHtml(failure.message)}</pre>${marks}</section>`;
}

function renderSummary(data: PageData): string {
  const errors = data.spans.filter((span) => span.x === 'e').length;
  const skewed = data.spans.filter((span) => span.sk !== undefined).length;
  const items = [
    `<span><strong>${data.traces.length}</strong> trace${data.traces.length === 1 ? '' : 's'}</span>`,
    `<span><strong>${data.spans.length}</strong> span${data.spans.length === 1 ? '' : 's'}</span>`,
    `<span><strong>${data.services.length}</strong> service${data.services.length === 1 ? '' : 's'}</span>`,
  ];
  if (!data.timeless) {
    items.push(`<span><strong>${formatMs(data.durationMs)}</strong> from first start to last end</span>`);
    if (data.spans.length > 0) {
      items.push(`<span>started <strong>${escapeHtml(new Date(data.originMs).toISOString())}</strong></span>`);
    }
  }
  items.push(`<span class="errors"><strong>${errors}</strong> error span${errors === 1 ? '' : 's'}</span>`);
  if (skewed > 0) {
    items.push(`<span><strong>${skewed}</strong> span${skewed === 1 ? '' : 's'} moved for clock skew (⇆)</span>`);
  }
  if (data.timeless) items.push('<span>a trace-shape snapshot: no times or ids</span>');
  return `<p class="summary">${items.join('')}</p>`;
}

function renderAxis(data: PageData): string {
  if (data.timeless) return '<span class="tick-label" style="left:0">no times in a snapshot</span>';
  return axisTicks(data.durationMs, 6)
    .map(
      (tick) => `<span class="tick-label" style="left:${(tick.at * 100).toFixed(3)}%">${escapeHtml(tick.label)}</span>`,
    )
    .join('');
}
