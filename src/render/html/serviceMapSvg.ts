import { escapeHtml } from './escapeHtml.ts';
import type { PageData } from './PageModel.ts';

/** A service on the map, with what its spans add up to. */
interface MapNode {
  readonly name: string;
  /** Index in `services`, or -1 for a service that a failure names but that recorded no span. */
  readonly service: number;
  spans: number;
  errors: number;
  /** A failure says this service's spans lost their caller's context, and the caller is unknown. */
  lostCaller?: string;
  layer: number;
  row: number;
  width: number;
}

/** Calls from one service to another; `broken` when a failure names the hop. */
interface MapEdge {
  readonly from: string;
  readonly to: string;
  calls: number;
  errors: number;
  broken?: string;
}

const NODE_HEIGHT = 46;
const ROW_GAP = 26;
const LAYER_GAP = 150;
// Width of a character of the 11px labels, near enough to keep labels between the boxes.
const CHAR_WIDTH = 6.4;
const PAD = 16;

/**
 * The service map as SVG: a box per service (its colour, span and error counts), an arrow per caller -> callee
 * pair with its call and error counts, laid out left to right by call depth. Hops that a failure names as broken
 * are drawn in red and dashed, with the failure's note. Nodes and edges carry `data-*` attributes for the page's
 * script (click a node or an edge to jump to its spans).
 *
 * @example
 * const svg = serviceMapSvg(toPageData(...));
 */
export function serviceMapSvg(data: PageData): string {
  const { nodes, edges } = graphOf(data);
  if (nodes.length === 0) return '<p class="map-empty">No spans.</p>';
  layout(nodes, edges);
  const byName = new Map(nodes.map((node) => [node.name, node]));
  const layers = Math.max(...nodes.map((node) => node.layer)) + 1;
  const layerWidth = Array.from({ length: layers }, (_, layer) =>
    Math.max(0, ...nodes.filter((node) => node.layer === layer).map((node) => node.width)),
  );
  // The gap after a layer fits the longest label of the arrows that cross it (a broken hop's note can be long).
  const gaps = Array.from({ length: layers }, () => LAYER_GAP);
  for (const edge of edges) {
    const from = byName.get(edge.from);
    const to = byName.get(edge.to);
    if (from === undefined || to === undefined || to.layer <= from.layer) continue;
    const label = Math.max(edgeLabel(edge).length, edge.broken ? edge.broken.length + 2 : 0);
    const needed = Math.ceil((label * CHAR_WIDTH + 24) / (to.layer - from.layer));
    for (let layer = from.layer; layer < to.layer; layer++) gaps[layer] = Math.max(gaps[layer] as number, needed);
  }
  const layerX: number[] = [];
  let x = PAD;
  for (const [layer, width] of layerWidth.entries()) {
    layerX.push(x);
    x += width + (layer < layers - 1 ? (gaps[layer] as number) : 0);
  }
  const rows = Math.max(...nodes.map((node) => node.row)) + 1;
  const hasBackEdges = edges.some((edge) => {
    const from = byName.get(edge.from);
    const to = byName.get(edge.to);
    return from !== undefined && to !== undefined && to.layer <= from.layer;
  });
  const width = x + PAD;
  const height = PAD * 2 + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP + (hasBackEdges ? 100 : 0) + 14;
  const rowsOf = (layer: number) => nodes.filter((node) => node.layer === layer).length;
  // Layers with fewer services are centred vertically against the tallest one.
  const position = (node: MapNode) => ({
    x: (layerX[node.layer] as number) + ((layerWidth[node.layer] as number) - node.width) / 2,
    y: PAD + (node.row + (rows - rowsOf(node.layer)) / 2) * (NODE_HEIGHT + ROW_GAP),
  });

  const parts: string[] = [];
  parts.push(
    `<svg class="service-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-label="Service map: ${nodes.length} service${nodes.length === 1 ? '' : 's'}, ${edges.length} call path${edges.length === 1 ? '' : 's'}">`,
    '<defs>',
    '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker>',
    '<marker id="arrow-broken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-head broken"/></marker>',
    '</defs>',
  );
  for (const edge of edges) {
    const from = byName.get(edge.from) as MapNode;
    const to = byName.get(edge.to) as MapNode;
    const a = position(from);
    const b = position(to);
    let path: string;
    let labelX: number;
    let labelY: number;
    if (to.layer > from.layer) {
      const x1 = a.x + from.width;
      const y1 = a.y + NODE_HEIGHT / 2;
      const x2 = b.x - 2;
      const y2 = b.y + NODE_HEIGHT / 2;
      const bend = (x2 - x1) / 2;
      path = `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
      labelX = (x1 + x2) / 2;
      labelY = (y1 + y2) / 2 - 6;
    } else {
      // Back or same-layer edge: an arc below both boxes.
      const x1 = a.x + from.width / 2;
      const y1 = a.y + NODE_HEIGHT;
      const x2 = b.x + to.width / 2 + (from === to ? 12 : 0);
      const y2 = b.y + NODE_HEIGHT + 2;
      // Longer back edges dip lower, so that arcs between different pairs do not lie on top of each other.
      const low = Math.max(y1, y2) + 22 + 12 * Math.min(6, Math.abs(from.layer - to.layer));
      path = `M${x1},${y1} C${x1},${low} ${x2},${low} ${x2},${y2}`;
      labelX = (x1 + x2) / 2;
      labelY = low - 4;
    }
    const label = edgeLabel(edge);
    const title = `${edge.from} -> ${edge.to}: ${label}${edge.broken ? ` (${edge.broken})` : ''}`;
    parts.push(
      `<g class="edge${edge.broken ? ' broken' : ''}${edge.errors > 0 ? ' has-errors' : ''}" data-from="${escapeHtml(edge.from)}" data-to="${escapeHtml(edge.to)}" tabindex="0" role="button" aria-label="${escapeHtml(title)}">`,
      `<title>${escapeHtml(title)}</title>`,
      `<path d="${path}" class="edge-hit"/>`,
      `<path d="${path}" class="edge-line" marker-end="url(#${edge.broken ? 'arrow-broken' : 'arrow'})"/>`,
      `<text x="${labelX}" y="${labelY}" text-anchor="middle" class="edge-label">${edge.calls > 0 ? escapeHtml(`${edge.calls} call${edge.calls === 1 ? '' : 's'}`) : ''}${edge.errors > 0 ? `<tspan class="edge-errors">${edge.calls > 0 ? ' · ' : ''}${edge.errors} error${edge.errors === 1 ? '' : 's'}</tspan>` : ''}${edge.broken ? `<tspan class="edge-broken" x="${labelX}" dy="${edge.calls > 0 || edge.errors > 0 ? 14 : 0}">✗ ${escapeHtml(edge.broken)}</tspan>` : ''}</text>`,
      '</g>',
    );
  }
  for (const node of nodes) {
    const { x: nx, y: ny } = position(node);
    const counts = `${node.spans} span${node.spans === 1 ? '' : 's'}`;
    const title = `${node.name}: ${counts}${node.errors > 0 ? `, ${node.errors} error${node.errors === 1 ? '' : 's'}` : ''}${node.lostCaller ? ` (${node.lostCaller})` : ''}`;
    const colour = node.service >= 0 ? ` svc-${node.service % 10}` : ' ghost';
    parts.push(
      `<g class="node${node.errors > 0 ? ' has-errors' : ''}${node.lostCaller ? ' broken' : ''}${colour}" data-service="${node.service}" data-name="${escapeHtml(node.name)}" transform="translate(${nx},${ny})" tabindex="0" role="button" aria-label="${escapeHtml(title)}">`,
      `<title>${escapeHtml(title)}</title>`,
      `<rect class="node-box" width="${node.width}" height="${NODE_HEIGHT}" rx="7"/>`,
      `<rect class="node-stripe" width="6" height="${NODE_HEIGHT}" rx="3"/>`,
      `<text x="14" y="19" class="node-name">${escapeHtml(truncate(node.name, 30))}</text>`,
      `<text x="14" y="36" class="node-counts">${counts}${node.errors > 0 ? `<tspan class="node-errors"> · ${node.errors} error${node.errors === 1 ? '' : 's'}</tspan>` : ''}</text>`,
      node.lostCaller
        ? `<text x="0" y="${NODE_HEIGHT + 14}" class="node-broken">✗ ${escapeHtml(node.lostCaller)}</text>`
        : '',
      '</g>',
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

function edgeLabel(edge: MapEdge): string {
  const parts: string[] = [];
  if (edge.calls > 0) parts.push(`${edge.calls} call${edge.calls === 1 ? '' : 's'}`);
  if (edge.errors > 0) parts.push(`${edge.errors} error${edge.errors === 1 ? '' : 's'}`);
  return parts.join(', ') || 'no calls';
}

function graphOf(data: PageData): { nodes: MapNode[]; edges: MapEdge[] } {
  const nodes = data.services.map(
    (name, service): MapNode => ({ name, service, spans: 0, errors: 0, layer: 0, row: 0, width: 0 }),
  );
  const byName = new Map(nodes.map((node) => [node.name, node]));
  const edges = new Map<string, MapEdge>();
  const edgeOf = (from: string, to: string) => {
    const key = `${from}\u0000${to}`;
    let edge = edges.get(key);
    if (edge === undefined) {
      edge = { from, to, calls: 0, errors: 0 };
      edges.set(key, edge);
    }
    return edge;
  };
  for (const span of data.spans) {
    const node = nodes[span.s] as MapNode;
    node.spans++;
    if (span.x === 'e') node.errors++;
    const parent = span.p >= 0 ? data.spans[span.p] : undefined;
    if (parent === undefined || parent.s === span.s) continue;
    const edge = edgeOf(data.services[parent.s] as string, data.services[span.s] as string);
    edge.calls++;
    if (span.x === 'e') edge.errors++;
  }
  const nodeOf = (name: string) => {
    let node = byName.get(name);
    if (node === undefined) {
      node = { name, service: -1, spans: 0, errors: 0, layer: 0, row: 0, width: 0 };
      nodes.push(node);
      byName.set(name, node);
    }
    return node;
  };
  for (const failure of data.failures) {
    for (const hop of failure.hops) {
      nodeOf(hop.to);
      if (hop.from === undefined) {
        const node = nodeOf(hop.to);
        node.lostCaller = node.lostCaller ? `${node.lostCaller}; ${hop.note}` : `${hop.note} (caller unknown)`;
        continue;
      }
      nodeOf(hop.from);
      const edge = edgeOf(hop.from, hop.to);
      edge.broken = edge.broken ? `${edge.broken}; ${hop.note}` : hop.note;
    }
  }
  for (const node of nodes) {
    const counts = `${node.spans} spans · ${node.errors} errors`;
    node.width = Math.round(
      Math.max(110, Math.min(260, 28 + 7.4 * Math.max(truncate(node.name, 30).length, counts.length))),
    );
  }
  return { nodes, edges: [...edges.values()] };
}

/** Layers by longest call path from the services nobody calls (cycles broken), rows by order of appearance. */
function layout(nodes: MapNode[], edges: readonly MapEdge[]): void {
  const index = new Map(nodes.map((node, i) => [node.name, i]));
  const out: number[][] = nodes.map(() => []);
  const incoming = new Array<number>(nodes.length).fill(0);
  for (const edge of edges) {
    const from = index.get(edge.from) as number;
    const to = index.get(edge.to) as number;
    if (from === to) continue;
    (out[from] as number[]).push(to);
    incoming[to] = (incoming[to] as number) + 1;
  }
  // Depth-first from each source (then from anything left, for cycles); an edge back into the current path is
  // ignored, so a cycle still gets layers.
  const state = new Array<0 | 1 | 2>(nodes.length).fill(0);
  const order: number[] = [];
  const visit = (i: number) => {
    state[i] = 1;
    for (const next of out[i] as number[]) if (state[next] === 0) visit(next);
    state[i] = 2;
    order.push(i);
  };
  for (let i = 0; i < nodes.length; i++) if (incoming[i] === 0 && state[i] === 0) visit(i);
  for (let i = 0; i < nodes.length; i++) if (state[i] === 0) visit(i);
  order.reverse();
  const position = new Map(order.map((node, i) => [node, i]));
  for (const i of order) {
    for (const next of out[i] as number[]) {
      if ((position.get(next) as number) > (position.get(i) as number)) {
        (nodes[next] as MapNode).layer = Math.max((nodes[next] as MapNode).layer, (nodes[i] as MapNode).layer + 1);
      }
    }
  }
  const rows = new Map<number, number>();
  for (const node of nodes) {
    node.row = rows.get(node.layer) ?? 0;
    rows.set(node.layer, node.row + 1);
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
