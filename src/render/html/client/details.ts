import type { PageAttribute, PageData, PageSpan } from '../PageModel.ts';
import { formatMs } from '../view/formatMs.ts';
import { el } from './dom.ts';

/** What the details pane can ask the view to do: jump to a span (a link, the parent). */
export interface DetailsActions {
  select(span: number): void;
}

const PLACEHOLDER = /^<[a-z][\w:#.-]*>$/i;

/** The details of a span: facts, status, clock skew, the failure's notes, attributes, events, links, resource, scope. */
export function spanDetails(data: PageData, index: number, marks: readonly string[], actions: DetailsActions): Node {
  const span = data.spans[index] as PageSpan;
  const trace = data.traces[span.t] as PageData['traces'][number];
  const service = data.services[span.s] ?? '';
  const parent = span.p >= 0 ? (data.spans[span.p] as PageSpan) : undefined;
  const facts: [string, Node | string][] = [
    ['Service', el('span', {}, el('span', { class: `chip svc-${span.s % 10}` }), ` ${service}`)],
    ['Kind', span.k],
    ['Status', status(span)],
  ];
  if (!data.timeless) {
    facts.push(
      ['Duration', span.open ? 'not ended' : formatMs(span.du)],
      ['Starts', `+${formatMs(span.st - trace.startMs)} into the trace`],
    );
  }
  if (!data.timeless) {
    facts.push(['Trace id', el('code', {}, trace.id)], ['Span id', el('code', {}, span.id)]);
    if (span.pid !== undefined) {
      facts.push([
        'Parent',
        parent
          ? jump(`${data.services[parent.s]} "${parent.n}"`, span.p, actions, 'parent')
          : el('span', { class: 'warn' }, `${span.pid} — not in this file (orphan)`),
      ]);
    }
  }
  if (span.f === 'duplicate') facts.push(['Note', 'its span id was already used by another span of this trace']);
  const sections: Node[] = [
    el(
      'h2',
      { class: 'details-title' },
      el('span', { class: `chip svc-${span.s % 10}` }),
      ` ${span.n}`,
      span.x === 'e' && el('span', { class: 'badge badge-error' }, '! error'),
    ),
  ];
  if (marks.length > 0) {
    sections.push(
      el(
        'div',
        { class: 'details-marks' },
        el('strong', {}, 'Marked by the failure: '),
        marks.map((note) => `◀ ${note}`).join(', '),
      ),
    );
  }
  if (span.sk !== undefined || span.ski !== undefined) sections.push(skewNote(data, span));
  sections.push(table('Span', facts));
  sections.push(attributeSection('Attributes', span.a));
  if (span.ev.length > 0) {
    sections.push(
      el('h3', {}, `Events (${span.ev.length})`),
      ...span.ev.map((event) => {
        const exception = event.n === 'exception';
        const stack = event.a.find(([key]) => key === 'exception.stacktrace');
        const others = event.a.filter(([key]) => key !== 'exception.stacktrace');
        return el(
          'div',
          { class: `event${exception ? ' event-error' : ''}` },
          el(
            'div',
            { class: 'event-head' },
            el('strong', {}, event.n),
            data.timeless ? '' : el('span', { class: 'muted' }, ` at +${formatMs(event.st - span.st)}`),
          ),
          others.length > 0 && attributeTable(others),
          stack && el('pre', { class: 'stack' }, stack[1]),
        );
      }),
    );
  }
  if (span.l.length > 0) {
    sections.push(
      el('h3', {}, `Links (${span.l.length})`),
      el(
        'ul',
        { class: 'links' },
        ...span.l.map((link) => {
          const target = link.to === undefined ? undefined : data.spans[link.to];
          return el(
            'li',
            {},
            target && link.to !== undefined
              ? jump(`→ ${data.services[target.s]} "${target.n}"`, link.to, actions, 'link')
              : el('span', { class: 'muted' }, `→ trace ${link.trace}, span ${link.span} (not in this file)`),
            link.a.length > 0 && attributeTable(link.a),
          );
        }),
      ),
    );
  }
  sections.push(attributeSection('Resource', data.resources[span.r] ?? []));
  sections.push(table('Instrumentation scope', [['Name', data.scopes[span.c] ?? '']]));
  return el('div', { class: 'details-body' }, ...sections);
}

/** The details of a trace header row. */
export function traceDetails(data: PageData, trace: number): Node {
  const info = data.traces[trace] as PageData['traces'][number];
  const services = new Set<string>();
  for (let i = info.first; i < info.first + info.size; i++) services.add(data.services[data.spans[i]?.s ?? 0] ?? '');
  const facts: [string, Node | string][] = [
    ['Trace id', el('code', {}, info.id)],
    ['Spans', String(info.size)],
    ['Services', [...services].join(', ')],
    ['Errors', String(info.errors)],
  ];
  if (!data.timeless) facts.push(['Duration', formatMs(info.durationMs)]);
  return el(
    'div',
    { class: 'details-body' },
    el('h2', { class: 'details-title' }, `Trace ${trace + 1}`),
    table('Trace', facts),
  );
}

function status(span: PageSpan): Node {
  if (span.x === 'e') return el('span', { class: 'status-error' }, `error${span.sm ? `: ${span.sm}` : ''}`);
  if (span.x === 'o') return el('span', { class: 'status-ok' }, `ok${span.sm ? `: ${span.sm}` : ''}`);
  return el('span', { class: 'muted' }, 'unset');
}

function skewNote(data: PageData, span: PageSpan): Node {
  const parent = span.p >= 0 ? data.spans[span.p] : undefined;
  const parentService = parent ? data.services[parent.s] : '';
  const lines: string[] = [];
  if (span.sk !== undefined) {
    lines.push(
      `Moved ${span.sk > 0 ? 'later' : 'earlier'} by ${formatMs(Math.abs(span.sk))} to fit inside its parent: its clock (${data.services[span.s]}) disagrees with ${parentService}'s (clock skew adjusted, as trace viewers do).`,
    );
  }
  if (span.ski !== undefined) {
    lines.push(`Moved by ${formatMs(Math.abs(span.ski))} together with an ancestor that was adjusted for clock skew.`);
  }
  lines.push('The times below are as recorded.');
  return el('div', { class: 'details-skew' }, el('strong', {}, '⇆ Clock skew: '), lines.join(' '));
}

function jump(text: string, target: number, actions: DetailsActions, kind: string): HTMLElement {
  const button = el('button', { type: 'button', class: 'jump', 'data-jump': target, 'data-kind': kind }, text);
  button.addEventListener('click', () => actions.select(target));
  return button;
}

function attributeSection(title: string, attributes: readonly PageAttribute[]): Node {
  return el(
    'section',
    {},
    el('h3', {}, `${title} (${attributes.length})`),
    attributes.length === 0 ? el('p', { class: 'muted' }, 'none') : attributeTable(attributes),
  );
}

function attributeTable(attributes: readonly PageAttribute[]): HTMLElement {
  return el(
    'table',
    { class: 'attributes' },
    el(
      'tbody',
      {},
      ...attributes.map(([key, value, type]) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, key),
          el('td', { class: type === 's' && PLACEHOLDER.test(value) ? 'v-placeholder' : `v-${type}` }, value),
        ),
      ),
    ),
  );
}

function table(title: string, rows: readonly [string, Node | string][]): Node {
  return el(
    'section',
    {},
    el('h3', {}, title),
    el(
      'table',
      { class: 'facts' },
      el(
        'tbody',
        {},
        ...rows.map(([key, value]) => el('tr', {}, el('th', { scope: 'row' }, key), el('td', {}, value))),
      ),
    ),
  );
}
