import type { PageData } from '../PageModel.ts';
import { NAVIGATION_KEYS, navigate, nextOf } from '../view/navigate.ts';
import { SpanTree } from '../view/SpanTree.ts';
import { spanDetails, traceDetails } from './details.ts';
import { byId, el } from './dom.ts';
import { rowId } from './rowId.ts';
import { spanRow, traceRow } from './waterfallRow.ts';

const ROW_HEIGHT = 26;
const OVERSCAN = 12;

/**
 * The interactive part of the page: the virtualized waterfall (only the rows in view exist in the DOM), the
 * selection and its details pane, collapsing, keyboard navigation, and the jumps from the failure's marks and the
 * service map.
 */
export class TraceView {
  readonly #data: PageData;
  readonly #tree: SpanTree;
  readonly #scroller: HTMLElement;
  readonly #spacer: HTMLElement;
  readonly #details: HTMLElement;
  readonly #collapsed = new Set<number>();
  readonly #collapsedTraces = new Set<number>();
  /** Notes of every failure per marked span. */
  readonly #marks = new Map<number, string[]>();
  readonly #marked: number[];
  readonly #errors: number[];
  #rows: number[] = [];
  #selected: number;
  #drawn = { first: -1, last: -1 };
  #frame = 0;

  constructor(data: PageData) {
    this.#data = data;
    this.#tree = new SpanTree(data);
    this.#scroller = byId('rows');
    this.#spacer = byId('rows-spacer');
    this.#details = byId('details');
    for (const failure of data.failures) {
      for (const mark of failure.marks) {
        const notes = this.#marks.get(mark.span) ?? [];
        notes.push(mark.note);
        this.#marks.set(mark.span, notes);
      }
    }
    this.#marked = [...this.#marks.keys()].sort((a, b) => a - b);
    this.#errors = [];
    for (const [i, span] of data.spans.entries()) if (span.x === 'e') this.#errors.push(i);
    // Open on what the failure points at first (the span that lost the context, the closest candidate), else the
    // first error, else the first row.
    const first = data.failures.find((failure) => failure.marks.length > 0)?.marks[0]?.span;
    this.#selected = first ?? this.#errors[0] ?? (data.spans.length > 0 ? 0 : -1);
    this.#rows = this.#tree.rows(this.#collapsed, this.#collapsedTraces);
  }

  /** Draws the first screen and wires the events. */
  start(): void {
    this.#scroller.addEventListener('scroll', () => this.#schedule());
    window.addEventListener('resize', () => this.#schedule(true));
    this.#scroller.addEventListener('click', (event) => this.#onClick(event));
    this.#scroller.addEventListener('keydown', (event) => this.#onKey(event));
    for (const chip of document.querySelectorAll<HTMLElement>('[data-mark]')) {
      chip.addEventListener('click', () => this.select(Number(chip.dataset.mark), true));
    }
    for (const node of document.querySelectorAll<SVGGElement>('.service-map .node')) {
      const go = () => this.#jumpToService(Number(node.dataset.service));
      node.addEventListener('click', go);
      node.addEventListener('keydown', (event) => activate(event, go));
    }
    for (const edge of document.querySelectorAll<SVGGElement>('.service-map .edge')) {
      const go = () => this.#jumpToHop(edge.dataset.from ?? '', edge.dataset.to ?? '');
      edge.addEventListener('click', go);
      edge.addEventListener('keydown', (event) => activate(event, go));
    }
    this.#render(true);
    if (this.#selected !== -1) this.#reveal(this.#selected);
    this.#showDetails();
  }

  /** Selects a span (expanding its ancestors), scrolls it into view and shows its details. */
  select(span: number, focus = false): void {
    if (!(span >= 0 && span < this.#data.spans.length)) return;
    let changed = false;
    for (const ancestor of this.#tree.ancestors(span)) changed = this.#collapsed.delete(ancestor) || changed;
    const trace = this.#data.spans[span]?.t ?? 0;
    changed = this.#collapsedTraces.delete(trace) || changed;
    if (changed) this.#rows = this.#tree.rows(this.#collapsed, this.#collapsedTraces);
    this.#selectRow(span, focus);
  }

  #selectRow(row: number, focus: boolean): void {
    this.#selected = row;
    this.#reveal(row);
    this.#render(true);
    this.#showDetails();
    if (focus) this.#scroller.focus({ preventScroll: true });
  }

  #toggle(row: number): void {
    const set = row < 0 ? this.#collapsedTraces : this.#collapsed;
    const key = row < 0 ? -1 - row : row;
    if (!set.delete(key)) set.add(key);
    this.#rows = this.#tree.rows(this.#collapsed, this.#collapsedTraces);
    if (!this.#rows.includes(this.#selected)) this.#selected = row;
    this.#render(true);
    this.#showDetails();
  }

  #jumpToService(service: number): void {
    const first = this.#data.spans.findIndex((span) => span.s === service);
    if (first >= 0) this.select(first, true);
  }

  #jumpToHop(from: string, to: string): void {
    const { spans, services } = this.#data;
    const crossing = spans.findIndex(
      (span) => services[span.s] === to && span.p >= 0 && services[spans[span.p]?.s ?? -1] === from,
    );
    // A hop that lost its context has no parent link: show the marked span of the callee instead.
    const marked = this.#marked.find((i) => services[spans[i]?.s ?? -1] === to);
    const target = crossing >= 0 ? crossing : (marked ?? spans.findIndex((span) => services[span.s] === to));
    if (target >= 0) this.select(target, true);
  }

  #onClick(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    const toggle = target.closest<HTMLElement>('[data-toggle]');
    if (toggle) {
      this.#toggle(Number(toggle.dataset.toggle));
      this.#scroller.focus({ preventScroll: true });
      return;
    }
    const row = target.closest<HTMLElement>('[data-row]');
    if (row) this.#selectRow(Number(row.dataset.row), true);
  }

  #onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'n' || event.key === 'N' || event.key === 'e' || event.key === 'E') {
      const list = event.key.toLowerCase() === 'n' ? this.#marked : this.#errors;
      const next = nextOf(
        list,
        this.#selected < 0 ? -1 : this.#selected,
        event.key === 'n' || event.key === 'e' ? 1 : -1,
      );
      if (next !== undefined) this.select(next);
      event.preventDefault();
      return;
    }
    if (!NAVIGATION_KEYS.has(event.key)) return;
    event.preventDefault();
    const page = Math.max(1, Math.floor(this.#scroller.clientHeight / ROW_HEIGHT) - 1);
    const move = navigate(
      this.#tree,
      this.#rows,
      this.#selected,
      event.key,
      this.#collapsed,
      this.#collapsedTraces,
      page,
    );
    if (move.toggle !== undefined) this.#toggle(move.toggle);
    if (move.select !== undefined) this.#selectRow(move.select, false);
  }

  /** Scrolls so that the row is in view, with a little context above it. */
  #reveal(row: number): void {
    const position = this.#rows.indexOf(row);
    if (position < 0) return;
    const top = position * ROW_HEIGHT;
    const view = this.#scroller.clientHeight - ROW_HEIGHT;
    if (top < this.#scroller.scrollTop) this.#scroller.scrollTop = Math.max(0, top - ROW_HEIGHT * 2);
    else if (top > this.#scroller.scrollTop + view) this.#scroller.scrollTop = top - view + ROW_HEIGHT * 2;
  }

  #schedule(force = false): void {
    if (this.#frame !== 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render(force);
    });
  }

  /** Draws the rows in view (plus some above and below); nothing else of a 10k-span trace exists in the DOM. */
  #render(force: boolean): void {
    this.#spacer.style.height = `${this.#rows.length * ROW_HEIGHT}px`;
    const first = Math.max(0, Math.floor(this.#scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(
      this.#rows.length,
      Math.ceil((this.#scroller.scrollTop + this.#scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN,
    );
    if (!force && first === this.#drawn.first && last === this.#drawn.last) return;
    this.#drawn = { first, last };
    const fragment = document.createDocumentFragment();
    for (let position = first; position < last; position++) {
      const row = this.#rows[position] as number;
      const state = {
        selected: row === this.#selected,
        collapsed: row < 0 ? this.#collapsedTraces.has(-1 - row) : this.#collapsed.has(row),
        marks: row < 0 ? [] : (this.#marks.get(row) ?? []),
      };
      const element = row < 0 ? traceRow(this.#data, -1 - row, state) : spanRow(this.#data, row, state);
      element.style.top = `${position * ROW_HEIGHT}px`;
      element.setAttribute('aria-posinset', String(position + 1));
      element.setAttribute('aria-setsize', String(this.#rows.length));
      fragment.append(element);
    }
    this.#spacer.replaceChildren(fragment);
    if (this.#rows.includes(this.#selected)) {
      this.#scroller.setAttribute('aria-activedescendant', rowId(this.#selected));
    } else this.#scroller.removeAttribute('aria-activedescendant');
  }

  #showDetails(): void {
    const row = this.#selected;
    if (row === -1) {
      this.#details.replaceChildren(el('p', { class: 'muted' }, 'Select a span to see its details.'));
      return;
    }
    this.#details.replaceChildren(
      row < 0
        ? traceDetails(this.#data, -1 - row)
        : spanDetails(this.#data, row, this.#marks.get(row) ?? [], { select: (span) => this.select(span, true) }),
    );
    this.#details.dataset.span = String(row);
  }
}

function activate(event: KeyboardEvent, action: () => void): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  action();
}
