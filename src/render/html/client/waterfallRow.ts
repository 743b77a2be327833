import type { PageData, PageSpan } from '../PageModel.ts';
import { formatMs } from '../view/formatMs.ts';
import { el } from './dom.ts';
import { rowId } from './rowId.ts';

/** What a row needs to know besides the data: the view's state for that row. */
export interface RowState {
  readonly selected: boolean;
  readonly collapsed: boolean;
  /** The notes of the failures that mark this span (`closest 1`). */
  readonly marks: readonly string[];
}

const KIND_LABEL: Readonly<Record<PageSpan['k'], string>> = {
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
  internal: '',
};

/** The row of a span: tree label (indent, toggle, service colour, name, badges) and its bar on the time axis. */
export function spanRow(data: PageData, index: number, state: RowState): HTMLElement {
  const span = data.spans[index] as PageSpan;
  const service = data.services[span.s] ?? '';
  const error = span.x === 'e';
  const classes = ['row', 'span-row'];
  if (state.selected) classes.push('selected');
  if (state.marks.length > 0) classes.push('marked');
  if (error) classes.push('error');
  const toggle =
    span.nc > 0
      ? el('span', { class: 'toggle', 'data-toggle': index, 'aria-hidden': 'true' }, state.collapsed ? '▸' : '▾')
      : el('span', { class: 'toggle leaf', 'aria-hidden': 'true' });
  const badges: (HTMLElement | false)[] = [
    KIND_LABEL[span.k] !== '' && el('span', { class: `kind kind-${span.k}` }, KIND_LABEL[span.k]),
    error && el('span', { class: 'badge badge-error', title: span.sm ?? 'status error' }, '! error'),
    span.sk !== undefined &&
      el('span', { class: 'badge badge-skew', title: 'moved to fit its parent: clock skew adjusted' }, '⇆'),
    span.f !== undefined && el('span', { class: 'badge badge-flag' }, span.f),
    span.open === true && el('span', { class: 'badge badge-flag' }, 'open'),
  ];
  const label = el(
    'div',
    { class: 'label', style: `padding-left:${6 + Math.min(span.d, 40) * 14}px` },
    toggle,
    el('span', { class: `chip svc-${span.s % 10}`, title: service }),
    el('span', { class: 'service' }, service),
    el('span', { class: 'name', title: span.n }, span.n),
    ...badges,
  );
  const lane = el('div', { class: 'lane' });
  if (state.marks.length > 0) {
    // The note goes to the side of the lane that the bar leaves free.
    const centre = data.durationMs > 0 ? (span.st + span.du / 2) / data.durationMs : 0;
    lane.append(
      el(
        'span',
        { class: `badge badge-mark ${centre > 0.5 ? 'at-left' : 'at-right'}`, title: 'marked by the failure' },
        `◀ ${state.marks.join(', ')}`,
      ),
    );
  }
  if (!data.timeless) {
    const total = data.durationMs > 0 ? data.durationMs : 1;
    const left = (span.st / total) * 100;
    const width = (span.du / total) * 100;
    const bar = el('div', {
      class: `bar svc-${span.s % 10}${error ? ' bar-error' : ''}${span.open ? ' bar-open' : ''}${span.sk !== undefined ? ' bar-skew' : ''}`,
      style: `left:${left}%;width:max(2px,${width}%)`,
    });
    // The duration goes after the bar, or inside its end when the bar reaches the right edge (or before it when
    // the bar is too short to hold it).
    const end = left + width;
    const place =
      end <= 86
        ? `left:calc(${end}% + 2px)`
        : width >= 9
          ? `right:calc(${100 - end}% + 2px)`
          : `right:calc(${100 - left}% + 2px)`;
    const duration = el(
      'span',
      { class: `duration${end > 86 && width >= 9 ? ' inside' : ''}`, style: place },
      span.open ? 'open' : formatMs(span.du),
    );
    lane.append(bar, duration);
    for (const event of span.ev) {
      const at = (event.st / total) * 100;
      lane.append(
        el('span', {
          class: `tick${event.n === 'exception' ? ' tick-error' : ''}`,
          style: `left:${at}%`,
          title: `${event.n} at +${formatMs(event.st - span.st)}`,
        }),
      );
    }
  }
  return el(
    'div',
    {
      class: classes.join(' '),
      id: rowId(index),
      role: 'treeitem',
      'aria-level': span.d + 2,
      'aria-selected': state.selected ? 'true' : 'false',
      'aria-expanded': span.nc > 0 ? (state.collapsed ? 'false' : 'true') : undefined,
      'aria-label': `${service} ${span.k} ${span.n}${error ? ', error' : ''}${state.marks.length > 0 ? `, marked: ${state.marks.join(', ')}` : ''}`,
      'data-row': index,
    },
    label,
    lane,
  );
}

/** The header row of a trace: its id, size, services, duration and errors, collapsible. */
export function traceRow(data: PageData, trace: number, state: RowState): HTMLElement {
  const info = data.traces[trace] as PageData['traces'][number];
  const row = -1 - trace;
  const facts = [
    `${info.size} span${info.size === 1 ? '' : 's'}`,
    `${info.services} service${info.services === 1 ? '' : 's'}`,
    data.timeless ? '' : formatMs(info.durationMs),
  ].filter((fact) => fact !== '');
  return el(
    'div',
    {
      class: `row trace-row${state.selected ? ' selected' : ''}`,
      id: rowId(row),
      role: 'treeitem',
      'aria-level': 1,
      'aria-selected': state.selected ? 'true' : 'false',
      'aria-expanded': state.collapsed ? 'false' : 'true',
      'aria-label': `trace ${info.id}, ${facts.join(', ')}`,
      'data-row': row,
    },
    el(
      'div',
      { class: 'label' },
      el('span', { class: 'toggle', 'data-toggle': row, 'aria-hidden': 'true' }, state.collapsed ? '▸' : '▾'),
      el('span', { class: 'trace-title' }, `Trace ${trace + 1}`),
      el('span', { class: 'trace-facts' }, facts.join(' · ')),
      info.errors > 0 &&
        el('span', { class: 'badge badge-error' }, `${info.errors} error${info.errors === 1 ? '' : 's'}`),
      el('code', { class: 'trace-id' }, data.timeless ? '' : info.id),
    ),
  );
}
